/**
 * The driver without a server: what a host sees on a machine where
 * PostgreSQL is not configured or not reachable. None of these tests needs a
 * server; the ones that do are in postgres-server.test.ts.
 */
import {
  InvalidSampleError,
  InvalidStorageUrlError,
  type Sample,
  StorageClosedError,
} from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { PostgresStorage } from './postgres-storage.ts';

const sample: Sample = {
  meter: 'cpu.util',
  type: 'gauge',
  unit: '%',
  volume: 12.5,
  resourceId: 'host-a',
  projectId: null,
  timestamp: '2026-11-26T10:00:00.000Z',
  source: 'test',
};

/** Port 1 on loopback: nothing listens there, so a connection is refused at once. */
const UNREACHABLE = 'postgres://meter:s3cret@127.0.0.1:1/meter';

describe('checkAvailability without a server', () => {
  it('says no server is configured when the URL names no host', async () => {
    const driver = new PostgresStorage({ url: 'postgres:' });
    expect(await driver.checkAvailability()).toEqual({
      available: false,
      reason:
        'no PostgreSQL server is configured: the URL "postgres:" names no host (expected postgres://user[:password]@host[:port]/database[?table=name])',
    });
    await driver.close();
  });

  it('says the server cannot be reached, without the password', async () => {
    const driver = new PostgresStorage({ url: UNREACHABLE });
    const answer = await driver.checkAvailability();
    expect(answer).toEqual({
      available: false,
      reason:
        'cannot use PostgreSQL at postgres://meter:***@127.0.0.1:1/meter: connect ECONNREFUSED 127.0.0.1:1',
    });
    await driver.close();
  });

  it('constructs without connecting, and exposes only the redacted URL', () => {
    const driver = new PostgresStorage({ url: UNREACHABLE });
    expect(driver.url).toBe('postgres://meter:***@127.0.0.1:1/meter');
    expect(driver.table).toBe('meter_samples');
    expect(driver.lastConnectionError).toBeUndefined();
  });
});

describe('write and query without a server', () => {
  it('checks the batch before anything else: a batch of invalid samples is refused, server or not', async () => {
    const driver = new PostgresStorage({ url: UNREACHABLE });
    const bad = { ...sample, volume: Number.NaN };
    const error = await driver.write([bad, bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidSampleError);
    expect(error).toMatchObject({ index: 0, stored: 0 });
    expect((error as InvalidSampleError).refused.map((r) => r.index)).toEqual([0, 1]);
  });

  it('an empty batch needs no server', async () => {
    const driver = new PostgresStorage({ url: UNREACHABLE });
    await expect(driver.write([])).resolves.toBeUndefined();
  });

  it('a write with no server configured rejects with the same reason', async () => {
    const driver = new PostgresStorage({ url: 'postgres:' });
    await expect(driver.write([sample])).rejects.toThrow('no PostgreSQL server is configured');
    await expect(driver.query()).rejects.toThrow('no PostgreSQL server is configured');
  });

  it('a write to an unreachable server rejects with the connection error', async () => {
    const driver = new PostgresStorage({ url: UNREACHABLE });
    await expect(driver.write([sample])).rejects.toThrow(/ECONNREFUSED/);
    await driver.close();
  });
});

describe('close', () => {
  it('is idempotent, and a closed driver refuses to write or query', async () => {
    const driver = new PostgresStorage({ url: UNREACHABLE });
    await driver.close();
    await driver.close();
    const error = await driver.write([sample]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageClosedError);
    expect((error as Error).message).toBe(
      'postgres (postgres://meter:***@127.0.0.1:1/meter): cannot write after close()',
    );
    await expect(driver.query()).rejects.toThrow(StorageClosedError);
  });
});

describe('constructor', () => {
  it('throws InvalidStorageUrlError for a URL of another driver', () => {
    expect(() => new PostgresStorage({ url: 'sqlite::memory:' })).toThrow(InvalidStorageUrlError);
  });
});
