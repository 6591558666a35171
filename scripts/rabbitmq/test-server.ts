/**
 * Where the bus tests find RabbitMQ, decided once per test file:
 *
 * 1. `PLUGIN_PATTERNS_AMQP_URL` is set (CI sets it from scripts/rabbitmq/start.sh):
 *    use that node.
 * 2. It is not set: start a private throwaway node with the same script (in a
 *    folder of its own, stopped afterwards), when RabbitMQ is installed.
 * 3. Neither works: `url` is undefined and `why` says what to run; the tests
 *    that need the node then fail with that message. They never skip.
 */
import { throwawayServer } from '../throwaway-server.ts';

export interface AmqpTestServer {
  readonly url: string | undefined;
  readonly why: string | undefined;
  stop(): Promise<void>;
}

export async function amqpTestServer(): Promise<AmqpTestServer> {
  try {
    const server = await throwawayServer('rabbitmq');
    return { url: server.url, why: undefined, stop: server.stop };
  } catch (error) {
    const why = `these tests need RabbitMQ: ${(error as Error).message}`;
    return { url: undefined, why, stop: noop };
  }
}

/** The URL, or the failure that says why there is none. */
export function requireAmqp(server: AmqpTestServer): string {
  if (server.url === undefined) throw new Error(server.why);
  return server.url;
}

/** A queue name unique to this test run. */
export function runQueue(label: string): string {
  return `test.${label}.${process.pid}.${Math.floor(Math.random() * 1e6)}`;
}

/** The server's URL with `?queue=` set. */
export function queueUrl(url: string, queue: string): string {
  const copy = new URL(url);
  copy.searchParams.set('queue', queue);
  return copy.href;
}

async function noop(): Promise<void> {}
