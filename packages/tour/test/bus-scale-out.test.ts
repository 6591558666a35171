/**
 * Scale-out, for real: 1, 2 and 4 notification agents, each a process of its
 * own, consume one RabbitMQ queue of 10,000 notifications and write to one
 * PostgreSQL table. Mid-stream one agent is killed with SIGKILL (no chance to
 * stop cleanly: what it held unacknowledged, perhaps already written, is
 * redelivered to the others) and started again. Afterwards the samples read
 * back equal, meter by meter, what the same notifications yield when
 * dispatched in this process, and no sample is stored twice.
 *
 * It needs both servers: PLUGIN_PATTERNS_AMQP_URL and PLUGIN_PATTERNS_POSTGRES_URL
 * (CI starts both), or it starts private ones; without them it fails, never skips.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { packageScan } from '@plugin-patterns/loader';
import type { Notification, Sample } from '@plugin-patterns/meter-contracts';
import type { MemoryStorage } from '@plugin-patterns/sample-plugins';
import { AmqpTransport } from '@plugin-patterns/transport-amqp';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  amqpTestServer,
  queueUrl,
  requireAmqp,
  runQueue,
} from '../../../scripts/rabbitmq/test-server.ts';
import { testServer } from '../../storage-postgres/src/test-server.ts';
import { notificationStream } from '../src/bus/notification-stream.ts';
import { loadHost } from '../src/host-setup.ts';
import { TOUR_ROOT } from '../src/run-tour.ts';

const MESSAGES = 10_000;
const AGENT = new URL('../src/bus/agent-process.ts', import.meta.url).pathname;

const amqp = await amqpTestServer();
const postgres = await testServer();
const tables: string[] = [];
afterAll(async () => {
  if (postgres.url !== undefined) {
    const pool = new pg.Pool({ connectionString: postgres.url, max: 1 });
    for (const table of tables) {
      await pool.query(`DROP TABLE IF EXISTS "${table}", "${table}_messages"`);
    }
    await pool.end();
  }
  await amqp.stop();
  await postgres.stop();
}, 60_000);

function requirePostgres(): string {
  if (postgres.url === undefined) {
    throw new Error(postgres.missing?.why ?? 'PLUGIN_PATTERNS_POSTGRES_URL is not set');
  }
  return postgres.url;
}

interface MeterRow {
  readonly meter: string;
  readonly count: number;
  readonly sum: number;
  readonly distinct: number;
}

interface Agent {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  /** The last line it printed: its counts as JSON once it stopped. */
  readonly exited: Promise<string>;
}

function startAgent(transportUrl: string, storageUrl: string): Agent {
  const child = spawn(
    process.execPath,
    ['--conditions=@plugin-patterns/source', AGENT, transportUrl, storageUrl, '32'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  let last = '';
  const ready = new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      last = line;
      if (line === 'ready') resolve();
    });
    child.once('exit', (code) => reject(new Error(`agent exited (${code}) before it was ready`)));
  });
  const exited = new Promise<string>((resolve) => child.once('exit', () => resolve(last)));
  return { child, ready, exited };
}

/** What the stream yields, dispatched in this process: the totals to expect. */
async function expectedTotals(notifications: readonly Notification[]) {
  const host = await loadHost(packageScan({ cwd: TOUR_ROOT, cache: false }), 'memory:');
  const storage = host.storage.driver as MemoryStorage;
  const { outcomes } = await host.notifications.dispatchAll(notifications);
  const samples: Sample[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== 'routed') throw new Error(`the stream has a ${outcome.status} event`);
    for (const delivery of outcome.deliveries) {
      if (!delivery.ok) throw new Error(delivery.error.message);
      samples.push(...delivery.value);
    }
  }
  await storage.close();
  const byMeter = new Map<string, { count: number; sum: number }>();
  for (const s of samples) {
    const t = byMeter.get(s.meter) ?? { count: 0, sum: 0 };
    byMeter.set(s.meter, { count: t.count + 1, sum: t.sum + s.volume });
  }
  const keys = new Set(samples.map((s) => `${s.meter}|${s.resourceId}|${s.timestamp}`));
  return { samples: samples.length, distinct: keys.size, byMeter };
}

async function scaleOut(agents: number, notifications: readonly Notification[]) {
  const table = `t_bus_${process.pid}_${agents}_${Math.floor(Math.random() * 1e6)}`;
  tables.push(table);
  const storageUrl = `${requirePostgres()}?table=${table}`;
  const transportUrl = queueUrl(requireAmqp(amqp), runQueue(`scale${agents}`));
  const publisher = new AmqpTransport({ url: transportUrl });
  const pool = new pg.Pool({ connectionString: requirePostgres(), max: 1 });
  try {
    await publisher.publish(notifications);
    expect(await publisher.depth()).toBe(notifications.length);
    const running = Array.from({ length: agents }, () => startAgent(transportUrl, storageUrl));
    await Promise.all(running.map((a) => a.ready));
    const stored = async () => {
      const found = await pool.query(`SELECT to_regclass($1) AS t`, [`${table}_messages`]);
      if (found.rows[0]?.t === null) return 0;
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${table}_messages"`);
      return rows[0].n as number;
    };
    // Mid-stream, the first agent dies without a word, and a new one takes its place.
    await expect
      .poll(stored, { timeout: 120_000, interval: 100 })
      .toBeGreaterThanOrEqual(notifications.length * 0.3);
    const victim = running[0] as Agent;
    victim.child.kill('SIGKILL');
    await victim.exited;
    const replacement = startAgent(transportUrl, storageUrl);
    await replacement.ready;
    running[0] = replacement;
    await expect.poll(stored, { timeout: 120_000, interval: 200 }).toBe(notifications.length);
    for (const agent of running) agent.child.kill('SIGTERM');
    const stats = (await Promise.all(running.map((a) => a.exited))).map(
      (line) => JSON.parse(line) as { redelivered: number; deadLettered: number },
    );
    const { rows } = await pool.query<MeterRow>(
      `SELECT meter, count(*)::int AS count, sum(volume) AS sum,
              count(DISTINCT (meter, resource_id, "timestamp"))::int AS distinct
       FROM "${table}" GROUP BY meter ORDER BY meter`,
    );
    expect(await publisher.drainDeadLetters()).toEqual([]);
    return { rows, stats };
  } finally {
    await publisher.deleteQueues().catch(() => undefined);
    await publisher.close();
    await pool.end();
  }
}

describe('notification agents scaled out over RabbitMQ and PostgreSQL', () => {
  const notifications = notificationStream(MESSAGES);
  const expected = expectedTotals(notifications);

  it.each([1, 2, 4])(
    '%i agent(s), one killed with SIGKILL and restarted: every message stored once',
    async (agents) => {
      const want = await expected;
      const { rows, stats } = await scaleOut(agents, notifications);
      const got = new Map(rows.map((r) => [r.meter, r]));
      expect([...got.keys()].sort()).toEqual([...want.byMeter.keys()].sort());
      for (const [meter, total] of want.byMeter) {
        const row = got.get(meter);
        expect({ meter, count: row?.count, sum: row?.sum }).toEqual({ meter, ...total });
        expect(row?.distinct).toBe(row?.count);
      }
      const storedSamples = rows.reduce((n, r) => n + r.count, 0);
      expect(storedSamples).toBe(want.samples);
      expect(want.distinct).toBe(want.samples);
      expect(stats.every((s) => s.deadLettered === 0)).toBe(true);
      // What the killed agent held came back to the others (or its replacement), marked so.
      expect(stats.reduce((n, s) => n + s.redelivered, 0)).toBeGreaterThan(0);
    },
    180_000,
  );
});
