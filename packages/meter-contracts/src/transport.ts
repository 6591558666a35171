/**
 * `meter.transport`: where notifications come from. The host loads exactly one
 * transport (the driver pattern again, as for storage), chosen by the scheme
 * of a URL: `fixture:` (the sample notifications, the embedded default),
 * `memory:` (a queue in this process) or `amqp://…` (a RabbitMQ queue).
 *
 * Delivery is at-least-once: a consumer acknowledges a message once it is
 * done with it, and a message that was handed out but not acknowledged (the
 * consumer stopped, or its process died) is delivered again, to this consumer
 * or to another, marked `redelivered`. A consumer that cannot ever handle a
 * message (a poison message) sends it to the dead-letter queue with its
 * reason, which also takes it off the queue, so it never blocks the others.
 */

export const TRANSPORT_NAMESPACE = 'meter.transport';

/** One message as a consumer receives it. */
export interface TransportMessage {
  /** The sender's message id (a notification's `message_id`); undefined if the body names none. */
  readonly messageId: string | undefined;
  /** The decoded body: untrusted, whatever the sender sent (`undefined` if it is not JSON). */
  readonly body: unknown;
  /** True when it was handed out before and not acknowledged then. */
  readonly redelivered: boolean;
  /** Done with it: it leaves the queue. */
  ack(): Promise<void>;
  /** It can never be handled: it leaves the queue for the dead-letter queue, with the reason. */
  deadLetter(reason: string): Promise<void>;
}

/** A message that went to the dead-letter queue. */
export interface DeadLetteredMessage {
  readonly messageId: string | undefined;
  readonly body: unknown;
  readonly reason: string;
}

export interface ConsumeOptions {
  /** How many unacknowledged messages this consumer may hold at once (default 16). */
  readonly prefetch?: number;
}

/** A running consumer. `stop()` hands back, for redelivery, what it has not acknowledged. */
export interface Consumer {
  stop(): Promise<void>;
}

export interface Transport {
  /** The URL, with any password shown as `***`. */
  readonly url: string;
  /** Sends notifications to the queue, in order; resolves once the queue has them. */
  publish(notifications: readonly unknown[]): Promise<void>;
  /**
   * Hands each message to `onMessage`, up to `prefetch` at a time. A message is
   * acknowledged only by `onMessage` (ack or deadLetter); if `onMessage`
   * throws, the message is left unacknowledged and comes back after `stop()`.
   */
  consume(
    onMessage: (message: TransportMessage) => Promise<void>,
    options?: ConsumeOptions,
  ): Promise<Consumer>;
  /** How many messages wait in the queue (not counting those handed out). */
  depth(): Promise<number>;
  /** Takes the dead-lettered messages off their queue and returns them, oldest first. */
  drainDeadLetters(): Promise<DeadLetteredMessage[]>;
  /** Releases the connection; unacknowledged messages go back to the queue. */
  close(): Promise<void>;
}

/** What the host passes to a transport's constructor. */
export interface TransportOptions {
  readonly url: string;
}

/** A transport plugin's export: a class the host constructs with the options. */
export type TransportClass = new (options: TransportOptions) => Transport;

/** A transport was given a URL it cannot use: names the URL and what it expects. */
export class InvalidTransportUrlError extends Error {
  readonly url: string;
  readonly expected: string;
  constructor(transport: string, url: string, expected: string, why?: string) {
    super(
      `${transport} cannot use the URL "${url}"${why === undefined ? '' : ` (${why})`}: expected ${expected}`,
    );
    this.name = 'InvalidTransportUrlError';
    this.url = url;
    this.expected = expected;
  }
}

/** The message id a body names: its `message_id` when that is a non-empty string. */
export function messageIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const id = (body as { message_id?: unknown }).message_id;
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}
