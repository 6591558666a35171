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
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const AMQP_URL_VARIABLE = 'PLUGIN_PATTERNS_AMQP_URL';

export interface AmqpTestServer {
  readonly url: string | undefined;
  readonly why: string | undefined;
  stop(): Promise<void>;
}

export async function amqpTestServer(): Promise<AmqpTestServer> {
  const given = process.env[AMQP_URL_VARIABLE];
  if (given !== undefined && given !== '') return { url: given, why: undefined, stop: noop };
  const state = mkdtempSync(join(tmpdir(), 'plugin-patterns-rabbitmq-test-'));
  const env = { ...process.env, PLUGIN_PATTERNS_AMQP_DIR: join(state, 'node') };
  const script = (name: string) => join(import.meta.dirname, name);
  try {
    const { stdout } = await run('bash', [script('start.sh'), '--no-install'], { env });
    const url = /PLUGIN_PATTERNS_AMQP_URL='([^']+)'/.exec(stdout)?.[1];
    if (url === undefined) throw new Error(`start.sh printed no URL: ${stdout}`);
    const stop = async () => {
      await run('bash', [script('stop.sh')], { env });
      rmSync(state, { recursive: true, force: true });
    };
    return { url, why: undefined, stop };
  } catch (error) {
    rmSync(state, { recursive: true, force: true });
    const detail =
      error instanceof Error ? (error as { stderr?: string }).stderr || error.message : '';
    const why =
      `these tests need RabbitMQ: ${AMQP_URL_VARIABLE} is not set and no local node could be ` +
      `started (${detail.trim()}). Run: eval "$(bash scripts/rabbitmq/start.sh)"`;
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
