/**
 * A `meter.transport` over RabbitMQ, in a package of its own: only a host
 * that wants a message bus installs it and its client library (amqplib).
 *
 * The queue and its dead-letter queue are durable and every message is
 * persistent, so a broker restart loses nothing that was confirmed. Publishing
 * waits for the broker's confirms: when `publish` resolves, RabbitMQ has the
 * messages. Each consumer has a channel of its own, whose prefetch bounds
 * what it holds; whatever it holds unacknowledged when its channel or its
 * process goes away, RabbitMQ gives to another consumer, marked redelivered.
 *
 * A dead-lettered message is published to `<queue>.dead`, with its reason in
 * the `x-death-reason` header, and only once the broker has confirmed that
 * copy is the original acknowledged: at worst a crash between the two leaves
 * the message in both queues, never in neither.
 *
 * Constructing connects to nothing; the first use connects.
 */
import type {
  Availability,
  ConsumeOptions,
  Consumer,
  DeadLetteredMessage,
  Transport,
  TransportMessage,
  TransportOptions,
} from '@plugin-patterns/meter-contracts';
import { messageIdOf } from '@plugin-patterns/meter-contracts';
import { type Channel, type ChannelModel, type ConfirmChannel, connect } from 'amqplib';
import { type AmqpUrl, parseAmqpUrl } from './amqp-url.ts';

const DEFAULT_PREFETCH = 16;
const REASON_HEADER = 'x-death-reason';
const CONNECT_TIMEOUT_MS = 3000;

interface Connected {
  readonly model: ChannelModel;
  /** For publishing, dead-lettering and the queues' upkeep. */
  readonly confirm: ConfirmChannel;
}

export class AmqpTransport implements Transport {
  readonly url: string;
  readonly queue: string;
  readonly deadLetterQueue: string;
  readonly #config: AmqpUrl;
  #connected: Promise<Connected> | undefined;
  #closed = false;
  #lastConnectionError: Error | undefined;

  constructor(options: TransportOptions) {
    this.#config = parseAmqpUrl(options?.url);
    this.url = this.#config.redacted;
    this.queue = this.#config.queue;
    this.deadLetterQueue = this.#config.deadLetterQueue;
  }

  /** Connects once and declares the queues: whether this transport can run here, and why not. */
  async checkAvailability(): Promise<Availability> {
    try {
      await this.#open();
      return { available: true };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { available: false, reason: `cannot use RabbitMQ at ${this.url}: ${why}` };
    }
  }

  async publish(notifications: readonly unknown[]): Promise<void> {
    const texts = notifications.map((n) => JSON.stringify(n) ?? 'null');
    const { confirm } = await this.#open();
    for (const [index, text] of texts.entries()) {
      const messageId = messageIdOf(notifications[index]);
      const properties = {
        persistent: true,
        contentType: 'application/json',
        ...(messageId === undefined ? {} : { messageId }),
      };
      // false: the channel's buffer is full; wait for it to drain before sending more.
      if (!confirm.sendToQueue(this.queue, Buffer.from(text), properties)) {
        await new Promise((resolve) => confirm.once('drain', resolve));
      }
    }
    await confirm.waitForConfirms();
  }

  async consume(
    onMessage: (message: TransportMessage) => Promise<void>,
    options: ConsumeOptions = {},
  ): Promise<Consumer> {
    const { model } = await this.#open();
    const channel = await model.createChannel();
    channel.on('error', (error: Error) => {
      this.#lastConnectionError = error;
    });
    await channel.prefetch(options.prefetch ?? DEFAULT_PREFETCH);
    const { consumerTag } = await channel.consume(this.queue, (delivery) => {
      if (delivery === null) return; // the broker cancelled this consumer (queue deleted)
      const body = decode(delivery.content);
      let settled = false;
      const settle = (): boolean => {
        if (settled) return false;
        settled = true;
        return true;
      };
      const message: TransportMessage = {
        messageId: messageIdOf(body),
        body,
        redelivered: delivery.fields.redelivered,
        ack: async () => {
          if (settle()) channel.ack(delivery);
        },
        deadLetter: async (reason: string) => {
          if (!settle()) return;
          await this.#sendDeadLetter(delivery.content, delivery.properties.messageId, reason);
          channel.ack(delivery);
        },
      };
      // Left unacknowledged when it throws: RabbitMQ redelivers it once this channel closes.
      onMessage(message).catch(() => undefined);
    });
    return { stop: () => stopConsumer(channel, consumerTag) };
  }

  async depth(): Promise<number> {
    const { confirm } = await this.#open();
    return (await confirm.checkQueue(this.queue)).messageCount;
  }

  async drainDeadLetters(): Promise<DeadLetteredMessage[]> {
    const { confirm } = await this.#open();
    const letters: DeadLetteredMessage[] = [];
    for (;;) {
      const got = await confirm.get(this.deadLetterQueue, { noAck: true });
      if (got === false) return letters;
      const body = decode(got.content);
      const reason = got.properties.headers?.[REASON_HEADER];
      letters.push({
        messageId: messageIdOf(body),
        body,
        reason: typeof reason === 'string' ? reason : String(reason),
      });
    }
  }

  /** Deletes the queue and its dead-letter queue (tests and one-off runs clean up with it). */
  async deleteQueues(): Promise<void> {
    const { confirm } = await this.#open();
    await confirm.deleteQueue(this.queue);
    await confirm.deleteQueue(this.deadLetterQueue);
  }

  /** Closes the connection; RabbitMQ requeues whatever its consumers held unacknowledged. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const connected = this.#connected;
    this.#connected = undefined;
    if (connected === undefined) return;
    const { model } = await connected.catch(() => ({ model: undefined }));
    await model?.close().catch(() => undefined);
  }

  /** The last error the connection or a channel reported, if any: for a host's diagnostics. */
  get lastConnectionError(): Error | undefined {
    return this.#lastConnectionError;
  }

  async #sendDeadLetter(content: Buffer, messageId: unknown, reason: string): Promise<void> {
    const { confirm } = await this.#open();
    confirm.sendToQueue(this.deadLetterQueue, content, {
      persistent: true,
      contentType: 'application/json',
      headers: { [REASON_HEADER]: reason },
      ...(typeof messageId === 'string' ? { messageId } : {}),
    });
    await confirm.waitForConfirms();
  }

  #open(): Promise<Connected> {
    if (this.#closed) return Promise.reject(new Error(`${this.url}: the transport is closed`));
    this.#connected ??= this.#connect().catch((error: unknown) => {
      this.#connected = undefined; // the next call tries again
      throw error;
    });
    return this.#connected;
  }

  async #connect(): Promise<Connected> {
    const model = await connect(this.#config.connectionUrl, { timeout: CONNECT_TIMEOUT_MS });
    // Without listeners, a dropped connection would be an uncaught 'error' event.
    model.on('error', (error: Error) => {
      this.#lastConnectionError = error;
    });
    model.on('close', () => {
      this.#connected = undefined;
    });
    const confirm = await model.createConfirmChannel();
    confirm.on('error', (error: Error) => {
      this.#lastConnectionError = error;
    });
    await confirm.assertQueue(this.queue, { durable: true });
    await confirm.assertQueue(this.deadLetterQueue, { durable: true });
    return { model, confirm };
  }
}

/** A body that is not JSON is kept as `undefined`: the agent dead-letters it. */
function decode(content: Buffer): unknown {
  try {
    return JSON.parse(content.toString('utf8'));
  } catch {
    return undefined;
  }
}

async function stopConsumer(channel: Channel, consumerTag: string): Promise<void> {
  await channel.cancel(consumerTag).catch(() => undefined);
  // Closing the channel hands back, for redelivery, what it held unacknowledged.
  await channel.close().catch(() => undefined);
}
