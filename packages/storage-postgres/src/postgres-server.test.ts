/**
 * The driver against a real PostgreSQL server: the storage conformance kit
 * (the same checks every meter.storage driver passes), then what is particular
 * to this driver. Where the server comes from: see test-server.ts.
 */
import { runStorageConformance, type Sample } from '@plugin-patterns/meter-contracts';
import { Pool } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresStorage } from './postgres-storage.ts';
import { dropTables, reportMissingServer, runPrefix, tableUrl, testServer } from './test-server.ts';

const server = await testServer();
const prefix = runPrefix('pg');
afterAll(async () => {
  if (server.url !== undefined) await dropTables(server.url, prefix);
  await server.stop();
}, 60_000);
reportMissingServer(server, it);
const withServer = describe.runIf(server.url !== undefined);

let tables = 0;
/** A driver over a new, empty table of the test server. */
function freshUrl(): string {
  tables += 1;
  return tableUrl(server.url as string, `${prefix}${tables}`);
}

let latest = '';
runStorageConformance(
  () => {
    latest = freshUrl();
    return new PostgresStorage({ url: latest });
  },
  { describe: withServer, it },
  {
    reopen: () => new PostgresStorage({ url: latest }),
    title: 'postgres: meter.storage conformance',
  },
);

const sample = (at: string, volume = 1): Sample => ({
  meter: 'cpu.util',
  type: 'gauge',
  unit: '%',
  volume,
  resourceId: 'host-a',
  projectId: null,
  timestamp: at,
  source: 'test',
});

withServer('postgres: what the conformance kit does not cover', () => {
  it('is available when the server answers, and has made its table', async () => {
    const url = freshUrl();
    const driver = new PostgresStorage({ url });
    expect(await driver.checkAvailability()).toEqual({ available: true });
    const table = new URL(url).searchParams.get('table');
    expect(await exists(table as string)).toBe(true);
    await driver.close();
  });

  it('rolls the whole batch back when the database refuses one sample', async () => {
    const driver = new PostgresStorage({ url: freshUrl() });
    await driver.write([sample('2026-01-01T00:00:00Z')]);
    // Valid to the contract's check, but PostgreSQL's text cannot hold a NUL character.
    const nul = { ...sample('2026-01-03T00:00:00Z'), meter: 'cpu\u0000util' };
    const batch = [sample('2026-01-02T00:00:00Z'), nul];
    await expect(driver.write(batch)).rejects.toThrow(/0x00/);
    expect((await driver.query()).map((s) => s.timestamp)).toEqual(['2026-01-01T00:00:00Z']);
    await driver.close();
  });

  it('gives back each timestamp exactly as written, and filters by instant', async () => {
    const driver = new PostgresStorage({ url: freshUrl() });
    await driver.write([sample('2026-01-01T00:00:00.5Z', 1), sample('2026-01-01T00:00:00Z', 2)]);
    const all = await driver.query();
    expect(all.map((s) => [s.timestamp, s.volume])).toEqual([
      ['2026-01-01T00:00:00Z', 2],
      ['2026-01-01T00:00:00.5Z', 1],
    ]);
    const later = await driver.query({ from: '2026-01-01T00:00:00.250Z' });
    expect(later.map((s) => s.volume)).toEqual([1]);
    await driver.close();
  });

  it('refuses a query bound that is not a date-time, naming the field', async () => {
    const driver = new PostgresStorage({ url: freshUrl() });
    await expect(driver.query({ to: 'tomorrow' })).rejects.toThrow(
      'query.to must be an ISO 8601 date-time, got "tomorrow"',
    );
    await driver.close();
  });

  it('stores a message written by two drivers at the same moment once', async () => {
    const url = freshUrl();
    const drivers = [1, 2, 3].map(() => new PostgresStorage({ url }));
    await drivers[0]?.checkAvailability(); // the table first: this test is about the samples
    const batch = [sample('2026-01-01T00:00:00Z', 1), sample('2026-01-01T00:00:01Z', 2)];
    await Promise.all(drivers.map((d) => d.write(batch, { messageId: 'message-1' })));
    expect((await drivers[0]?.query())?.map((s) => s.volume)).toEqual([1, 2]);
    await Promise.all(drivers.map((d) => d.close()));
  });

  it('lets two drivers create the same table at once', async () => {
    const url = freshUrl();
    const drivers = [1, 2, 3].map(() => new PostgresStorage({ url }));
    const answers = await Promise.all(drivers.map((d) => d.checkAvailability()));
    expect(answers).toEqual([{ available: true }, { available: true }, { available: true }]);
    await Promise.all(drivers.map((d) => d.close()));
  });

  it('survives the server dropping an idle connection, and reconnects', async () => {
    // Tagged, so that only this driver's connections are dropped, whoever else uses the server.
    const tag = `${prefix}victim`;
    const url = new URL(freshUrl());
    url.searchParams.set('application_name', tag);
    const driver = new PostgresStorage({ url: url.href });
    await driver.write([sample('2026-01-01T00:00:00Z')]);
    const admin = new Pool({ connectionString: server.url, max: 1 });
    try {
      const killed = await admin.query<{ n: string }>(
        `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
         WHERE application_name = $1 AND state = 'idle'`,
        [tag],
      );
      expect(Number(killed.rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await expect.poll(() => driver.lastConnectionError?.message).toMatch(/terminat/);
    expect(await driver.query()).toHaveLength(1);
    await driver.close();
  });
});

async function exists(table: string): Promise<boolean> {
  const pool = new Pool({ connectionString: server.url, max: 1 });
  try {
    const { rows } = await pool.query('SELECT to_regclass($1) AS found', [table]);
    return rows[0]?.found !== null;
  } finally {
    await pool.end();
  }
}
