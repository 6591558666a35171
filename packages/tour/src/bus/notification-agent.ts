/**
 * The notification agent: ceilometer's consumer of the message bus. It takes
 * each message from the transport, routes it with the dispatcher to the
 * handlers of its event type, writes their samples with the storage driver,
 * and only then acknowledges the message. Delivery is at-least-once: a
 * message whose agent dies before the acknowledgement is delivered again,
 * perhaps to another agent, and the storage makes that harmless, because the
 * samples are written with the message's id and a second write of the same
 * id stores nothing.
 *
 * A message that can never be handled (a poison message) goes to the
 * dead-letter queue with its reason, which takes it off the queue, so it
 * never blocks the messages behind it:
 * - no `message_id` (the write could not be made idempotent);
 * - malformed (not an object, no event type) or unrouted (no handler);
 * - a handler refused it or answered something that is not samples;
 * - the storage refused one of its samples (its valid samples are stored).
 * A message is stored whole or dead-lettered: samples of a message with one
 * failed handler are not kept, so a retry from the dead-letter queue after a
 * fix stores all of them.
 *
 * A storage that fails (a server down) is another matter: that is not the
 * message's fault. The write is tried again a few times; if it still fails,
 * the message is left unacknowledged, and the transport redelivers it.
 */
import type { EventDispatcher, EventOutcome } from '@plugin-patterns/dispatch';
import {
  InvalidSampleError,
  type Notification,
  type NotificationHandler,
  type Sample,
  type StorageDriver,
  type Transport,
  type TransportMessage,
} from '@plugin-patterns/meter-contracts';
import { sampleArrayCheck } from '../sample-results.ts';

export type NotificationDispatcher = EventDispatcher<
  NotificationHandler,
  Notification,
  Sample[] | Promise<Sample[]>
>;

export interface AgentOptions {
  readonly transport: Transport;
  readonly notifications: NotificationDispatcher;
  readonly storage: StorageDriver;
  /** Messages handled at once (the consumer's prefetch). Default 16. */
  readonly prefetch?: number;
  /** Told each dispatcher outcome, e.g. to report the handlers' failures. */
  readonly onOutcome?: (outcome: EventOutcome<Notification, Sample[]>) => void;
  /** Tries of a write that fails for a reason other than the samples (default 4). */
  readonly writeAttempts?: number;
}

export interface AgentStats {
  /** Messages taken from the queue, redeliveries included. */
  readonly received: number;
  readonly redelivered: number;
  /** Acknowledged after their samples were stored (or found stored already). */
  readonly acknowledged: number;
  readonly deadLettered: number;
  /** Samples handed to the storage (a redelivery's samples, stored before, count again). */
  readonly samples: number;
  /** Writes that failed and were tried again. */
  readonly retriedWrites: number;
}

export class NotificationAgent {
  readonly #options: AgentOptions;
  #consumer: { stop(): Promise<void> } | undefined;
  #stats = {
    received: 0,
    redelivered: 0,
    acknowledged: 0,
    deadLettered: 0,
    samples: 0,
    retriedWrites: 0,
  };
  #waiters: { count: number; resolve: () => void }[] = [];

  constructor(options: AgentOptions) {
    this.#options = options;
  }

  get stats(): AgentStats {
    return { ...this.#stats };
  }

  /** Starts consuming. */
  async start(): Promise<void> {
    const prefetch = this.#options.prefetch ?? 16;
    this.#consumer = await this.#options.transport.consume((m) => this.#handle(m), { prefetch });
  }

  /** Stops consuming; what this agent held unacknowledged goes back to the queue. */
  async stop(): Promise<void> {
    await this.#consumer?.stop();
    this.#consumer = undefined;
  }

  /** Resolves once `count` messages have been settled (acknowledged or dead-lettered). */
  settled(count: number): Promise<void> {
    if (this.#settledCount() >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  async #handle(message: TransportMessage): Promise<void> {
    this.#stats.received += 1;
    if (message.redelivered) this.#stats.redelivered += 1;
    const verdict = await this.#samplesOf(message);
    if (typeof verdict === 'string') return this.#deadLetter(message, verdict);
    const refused = await this.#write(verdict, message.messageId as string);
    if (refused !== undefined) return this.#deadLetter(message, refused);
    await message.ack();
    this.#stats.acknowledged += 1;
    this.#wake();
  }

  /** The message's samples, or why it can never yield any. */
  async #samplesOf(message: TransportMessage): Promise<Sample[] | string> {
    if (message.messageId === undefined) {
      return 'no message_id: its samples could not be written idempotently';
    }
    const outcome = await this.#options.notifications.dispatch(message.body as Notification);
    this.#options.onOutcome?.(outcome);
    if (outcome.status !== 'routed') return `${outcome.status}: ${outcome.error.message}`;
    const samples: Sample[] = [];
    for (const delivery of outcome.deliveries) {
      if (!delivery.ok) return `handler ${delivery.plugin} failed: ${delivery.error.message}`;
      const answer = sampleArrayCheck(delivery.value);
      if (answer !== true) return `handler ${delivery.plugin} answered no samples: ${answer}`;
      samples.push(...delivery.value);
    }
    return samples;
  }

  /** Writes with the message id; returns why the storage refused a sample, if it did. */
  async #write(samples: Sample[], messageId: string): Promise<string | undefined> {
    const attempts = this.#options.writeAttempts ?? 4;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#options.storage.write(samples, { messageId });
        this.#stats.samples += samples.length;
        return undefined;
      } catch (error) {
        if (error instanceof InvalidSampleError) return `storage refused: ${error.message}`;
        // Not the message's fault: try again, then leave it for redelivery.
        if (attempt >= attempts) throw error;
        this.#stats.retriedWrites += 1;
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }

  async #deadLetter(message: TransportMessage, reason: string): Promise<void> {
    await message.deadLetter(reason);
    this.#stats.deadLettered += 1;
    this.#wake();
  }

  #settledCount(): number {
    return this.#stats.acknowledged + this.#stats.deadLettered;
  }

  #wake(): void {
    const settled = this.#settledCount();
    const waiting = this.#waiters;
    this.#waiters = waiting.filter((w) => w.count > settled);
    for (const waiter of waiting) if (waiter.count <= settled) waiter.resolve();
  }
}
