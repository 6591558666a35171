/**
 * `memory:` — a message queue in this process. The transport for tests, demos
 * and the docs: nothing to install, and the same delivery rules as a broker's
 * queue, so an agent tested on it behaves the same on RabbitMQ:
 *
 * - each message is handed to one consumer at a time, at most `prefetch`
 *   unacknowledged messages per consumer, consumers served in turn;
 * - a message leaves the queue only when acknowledged or dead-lettered; one
 *   a consumer held when it stopped goes back to the front, `redelivered`;
 * - messages are kept as JSON text, as on a wire: a consumer gets its own
 *   decoded copy, never the object the publisher sent.
 */
import {
  type ConsumeOptions,
  type Consumer,
  type DeadLetteredMessage,
  messageIdOf,
  type Transport,
  type TransportMessage,
  type TransportOptions,
} from '@plugin-patterns/meter-contracts';
import { requireExactTransportUrl } from './transport-url.ts';

const DEFAULT_PREFETCH = 16;

interface Queued {
  readonly text: string;
  readonly redelivered: boolean;
}

interface ConsumerState {
  readonly onMessage: (message: TransportMessage) => Promise<void>;
  readonly prefetch: number;
  /** Handed out, not yet acknowledged. */
  readonly held: Set<Queued>;
  active: boolean;
}

export class MemoryTransport implements Transport {
  readonly url: string;
  #queue: Queued[] = [];
  #consumers: ConsumerState[] = [];
  #dead: DeadLetteredMessage[] = [];
  #next = 0;

  constructor(options: TransportOptions, scheme = 'memory:') {
    this.url = requireExactTransportUrl(options?.url, scheme, 'MemoryTransport');
  }

  async publish(notifications: readonly unknown[]): Promise<void> {
    // Every message is encoded before any is queued: one that cannot be sent queues none.
    const texts = notifications.map((n) => JSON.stringify(n) ?? 'null');
    for (const text of texts) this.#queue.push({ text, redelivered: false });
    this.#pump();
  }

  async consume(
    onMessage: (message: TransportMessage) => Promise<void>,
    options: ConsumeOptions = {},
  ): Promise<Consumer> {
    const prefetch = options.prefetch ?? DEFAULT_PREFETCH;
    const state: ConsumerState = { onMessage, prefetch, held: new Set(), active: true };
    this.#consumers.push(state);
    queueMicrotask(() => this.#pump());
    return { stop: async () => this.#stop(state) };
  }

  async depth(): Promise<number> {
    return this.#queue.length;
  }

  async drainDeadLetters(): Promise<DeadLetteredMessage[]> {
    const letters = this.#dead;
    this.#dead = [];
    return letters;
  }

  async close(): Promise<void> {
    for (const consumer of [...this.#consumers]) this.#stop(consumer);
  }

  /** Hands out waiting messages to consumers with room, in turn. */
  #pump(): void {
    while (this.#queue.length > 0) {
      const consumer = this.#nextWithRoom();
      if (consumer === undefined) return;
      const entry = this.#queue.shift() as Queued;
      consumer.held.add(entry);
      void this.#deliver(consumer, entry);
    }
  }

  #nextWithRoom(): ConsumerState | undefined {
    const count = this.#consumers.length;
    for (let i = 0; i < count; i++) {
      const consumer = this.#consumers[(this.#next + i) % count] as ConsumerState;
      if (consumer.active && consumer.held.size < consumer.prefetch) {
        this.#next = (this.#next + i + 1) % count;
        return consumer;
      }
    }
    return undefined;
  }

  async #deliver(consumer: ConsumerState, entry: Queued): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(entry.text);
    } catch {
      body = undefined;
    }
    const settle = () => {
      if (!consumer.held.delete(entry)) return false; // settled before, or given back at stop
      queueMicrotask(() => this.#pump());
      return true;
    };
    const message: TransportMessage = {
      messageId: messageIdOf(body),
      body,
      redelivered: entry.redelivered,
      ack: async () => {
        settle();
      },
      deadLetter: async (reason: string) => {
        if (settle()) this.#dead.push({ messageId: messageIdOf(body), body, reason });
      },
    };
    try {
      await consumer.onMessage(message);
    } catch {
      // Left unacknowledged: it comes back when this consumer stops.
    }
  }

  #stop(consumer: ConsumerState): void {
    if (!consumer.active) return;
    consumer.active = false;
    this.#consumers = this.#consumers.filter((c) => c !== consumer);
    this.#next = 0;
    const back = [...consumer.held].map((entry) => ({ text: entry.text, redelivered: true }));
    consumer.held.clear();
    this.#queue.unshift(...back);
    this.#pump();
  }
}
