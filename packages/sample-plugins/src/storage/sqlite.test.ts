import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  InvalidSampleError,
  InvalidStorageUrlError,
  runStorageConformance,
  StorageClosedError,
} from '@plugin-patterns/meter-contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStorage } from './sqlite.ts';
import { sample } from './test-samples.ts';

const dir = mkdtempSync(join(tmpdir(), 'meter-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const newUrl = () => `sqlite://${join(dir, `store-${++files}.db`)}`;

// Each check gets a new file; `reopen` opens the latest one again.
let latest = '';
const openNew = () => {
  latest = newUrl();
  return new SqliteStorage({ url: latest });
};
runStorageConformance(
  openNew,
  { describe, it },
  { reopen: () => new SqliteStorage({ url: latest }), title: 'conformance, file database' },
);
runStorageConformance(
  () => new SqliteStorage({ url: 'sqlite::memory:' }),
  { describe, it },
  { title: 'conformance, sqlite::memory:' },
);

describe('SqliteStorage URL', () => {
  it('opens a file at the absolute path after three slashes', async () => {
    const url = newUrl();
    const store = new SqliteStorage({ url });
    expect(store.location).toBe(url.slice('sqlite://'.length));
    await store.close();
    expect(existsSync(store.location)).toBe(true);
  });

  it.each(['sqlite://meter.db', 'sqlite:meter.db', 'sqlite:memory', 'postgres:///db'])(
    'refuses %s, naming it and what is expected',
    (url) => {
      const make = () => new SqliteStorage({ url });
      expect(make).toThrow(InvalidStorageUrlError);
      expect(make).toThrow(`"${url}"`);
      expect(make).toThrow('expected sqlite:///absolute/path/to/meter.db or sqlite::memory:');
    },
  );

  it('says which file it could not open when the folder does not exist', () => {
    const url = `sqlite://${join(dir, 'no-such-folder', 'meter.db')}`;
    expect(() => new SqliteStorage({ url })).toThrow(
      `SqliteStorage cannot open the database ${join(dir, 'no-such-folder', 'meter.db')}`,
    );
  });
});

describe('SqliteStorage on a file that is not a database', () => {
  it('says so, naming the file', () => {
    const path = join(dir, 'not-a-database.db');
    writeFileSync(path, 'these are not the pages you are looking for'.repeat(100));
    expect(() => new SqliteStorage({ url: `sqlite://${path}` })).toThrow(
      `SqliteStorage cannot use ${path} as a sample store: file is not a database`,
    );
  });
});

describe('SqliteStorage on disk', () => {
  it('uses the write-ahead log, and close folds it into the database file', async () => {
    const store = new SqliteStorage({ url: newUrl() });
    await store.write([sample(1), sample(2)]);
    const peek = new DatabaseSync(store.location);
    expect(peek.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    peek.close();
    await store.close();
    expect(existsSync(`${store.location}-wal`)).toBe(false);
    const after = new DatabaseSync(store.location, { readOnly: true });
    expect(after.prepare('SELECT count(*) AS n FROM samples').get()).toEqual({ n: 2 });
    after.close();
  });

  it('indexes meter, resource and time, and queries by meter through its index', async () => {
    const store = new SqliteStorage({ url: newUrl() });
    await store.close();
    const db = new DatabaseSync(store.location);
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
      .all()
      .map((row) => row.name);
    expect(names).toEqual(['samples_by_meter', 'samples_by_resource', 'samples_by_time']);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM samples WHERE meter = ? ORDER BY epoch_ms, seq')
      .all('cpu.util')
      .map((row) => String(row.detail));
    expect(plan.join('\n')).toContain('USING INDEX samples_by_meter');
    db.close();
  });
});

describe('SqliteStorage writes a batch in one transaction', () => {
  it('rolls back the rows already inserted when a later one fails in the database', async () => {
    const store = new SqliteStorage({ url: newUrl() });
    await store.write([sample(1)]);
    // A trigger makes the database itself refuse the second row of the next
    // batch, after the first row was inserted: only a transaction undoes it.
    const saboteur = new DatabaseSync(store.location);
    saboteur.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON samples WHEN NEW.meter = 'boom'
                   BEGIN SELECT RAISE(ABORT, 'boom refused'); END`);
    saboteur.close();
    await expect(store.write([sample(2), sample(3, { meter: 'boom' })])).rejects.toThrow(
      'boom refused',
    );
    expect((await store.query()).map((s) => s.volume)).toEqual([1]);
    await store.write([sample(4)]);
    expect((await store.query()).map((s) => s.volume)).toEqual([1, 4]);
    await store.close();
  });

  it('stores the valid samples of a batch and names the one with a NaN volume', async () => {
    const store = new SqliteStorage({ url: 'sqlite::memory:' });
    const error = await store.write([sample(1), sample(2, { volume: Number.NaN })]).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidSampleError);
    expect(error).toMatchObject({ index: 1, stored: 1 });
    expect((await store.query()).map((s) => s.volume)).toEqual([1]);
    await store.close();
  });
});

describe('SqliteStorage after close', () => {
  it('refuses to write or query, and a second close is harmless', async () => {
    const store = new SqliteStorage({ url: 'sqlite::memory:' });
    await store.close();
    await store.close();
    await expect(store.write([sample(1)])).rejects.toThrow(StorageClosedError);
    await expect(store.query()).rejects.toThrow(
      'SqliteStorage (sqlite::memory:): cannot query after close()',
    );
  });
});

describe('SqliteStorage and message ids', () => {
  it('stores a redelivered message once, also after a reopen', async () => {
    const url = newUrl();
    const first = new SqliteStorage({ url });
    await first.write([sample(1), sample(2)], { messageId: 'm-1' });
    await first.close();
    const again = new SqliteStorage({ url });
    await again.write([sample(1), sample(2)], { messageId: 'm-1' });
    await again.write([sample(3)], { messageId: 'm-2' });
    expect((await again.query()).map((s) => s.volume)).toEqual([1, 2, 3]);
    await again.close();
  });
});
