/**
 * The transport's URL: RabbitMQ's own `amqp://user:password@host:port/vhost`,
 * plus one parameter of this driver, `queue` (default `meter.notifications`).
 * The dead-letter queue is the queue's name plus `.dead`. Every other query
 * parameter (`heartbeat`, `frameMax`…) goes to amqplib as it is.
 */
import { InvalidTransportUrlError } from '@plugin-patterns/meter-contracts';

export const DRIVER = 'AmqpTransport';
export const DEFAULT_QUEUE = 'meter.notifications';
const EXPECTED = 'amqp://user:password@host[:port][/vhost][?queue=name] (or amqps://)';
/** RabbitMQ's queue names: up to 255 bytes; kept to a plain, printable subset here. */
const QUEUE_NAME = /^[A-Za-z0-9_.:-]{1,200}$/;

export interface AmqpUrl {
  /** What amqplib connects to: the URL without `queue`. */
  readonly connectionUrl: string;
  readonly queue: string;
  readonly deadLetterQueue: string;
  /** The URL with the password shown as `***`, for messages. */
  readonly redacted: string;
}

export function parseAmqpUrl(url: unknown): AmqpUrl {
  const text = typeof url === 'string' ? url : String(url);
  const refuse = (why: string) => new InvalidTransportUrlError(DRIVER, redact(text), EXPECTED, why);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw refuse('it is not a valid URL');
  }
  if (parsed.protocol !== 'amqp:' && parsed.protocol !== 'amqps:') {
    throw refuse(`the scheme is not amqp: or amqps:`);
  }
  if (parsed.hostname === '') throw refuse('it names no host');
  const queue = parsed.searchParams.get('queue') ?? DEFAULT_QUEUE;
  if (!QUEUE_NAME.test(queue)) {
    throw refuse('the queue name must be 1-200 letters, digits, or _ . : -');
  }
  parsed.searchParams.delete('queue');
  return {
    connectionUrl: parsed.href,
    queue,
    deadLetterQueue: `${queue}.dead`,
    redacted: redact(text),
  };
}

/** The URL with its password, if any, replaced by `***`. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.href;
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}
