/**
 * `sqlite:///absolute/path/meter.db` (or `sqlite::memory:`) — samples in an
 * SQLite database through Node's built-in `node:sqlite`, so the embedded
 * default needs no dependency. This is the driver a single-machine host should
 * use: a batch is one transaction, so it is stored whole or not at all even if
 * the process dies half-way, and the file survives restarts.
 *
 * The calls are synchronous (DatabaseSync): SQLite is a library in this
 * process, not a server, and a short write is cheaper than the promise
 * machinery around it. The methods stay async because the contract is.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  InvalidSampleError,
  readSamples,
  type Sample,
  type SampleQuery,
  type SampleRow,
  StorageClosedError,
  type StorageDriver,
  type StorageOptions,
  sampleFromRow,
  type WriteOptions,
} from '@plugin-patterns/meter-contracts';
import { timeBounds } from './select-samples.ts';
import { filePathOf } from './storage-url.ts';

const RULE = {
  driver: 'SqliteStorage',
  scheme: 'sqlite',
  expected: 'sqlite:///absolute/path/to/meter.db or sqlite::memory:',
};

// `seq` (AUTOINCREMENT: never reused) records write order, the tie-breaker
// for equal timestamps. `epoch_ms` is the timestamp as a number, so ranges and
// ordering compare instants; the text is kept to return it unchanged. Each
// index ends, implicitly, with the rowid `seq`, so `ORDER BY epoch_ms, seq`
// is read straight from the index. `messages` holds the id of each message
// whose samples were written, in the same transaction as its samples: a
// redelivered message finds its id there and stores nothing.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS samples (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    meter       TEXT    NOT NULL,
    type        TEXT    NOT NULL CHECK (type IN ('gauge', 'cumulative', 'delta')),
    unit        TEXT    NOT NULL,
    volume      REAL    NOT NULL,
    resource_id TEXT    NOT NULL,
    project_id  TEXT,
    timestamp   TEXT    NOT NULL,
    epoch_ms    INTEGER NOT NULL,
    source      TEXT    NOT NULL
  );
  CREATE INDEX IF NOT EXISTS samples_by_meter    ON samples (meter, epoch_ms);
  CREATE INDEX IF NOT EXISTS samples_by_resource ON samples (resource_id, epoch_ms);
  CREATE INDEX IF NOT EXISTS samples_by_time     ON samples (epoch_ms);
  CREATE TABLE IF NOT EXISTS messages (message_id TEXT PRIMARY KEY) WITHOUT ROWID;
`;

const COLUMNS = 'meter, type, unit, volume, resource_id, project_id, timestamp, source';

export class SqliteStorage implements StorageDriver {
  readonly url: string;
  /** The database file, or `:memory:`. */
  readonly location: string;
  readonly #db: DatabaseSync;
  /** Prepared once: every batch runs the same insert. */
  readonly #insert: StatementSync;
  readonly #recordMessage: StatementSync;
  #closed = false;

  constructor(options: StorageOptions) {
    this.url = options?.url;
    this.location = this.url === 'sqlite::memory:' ? ':memory:' : filePathOf(this.url, RULE);
    try {
      this.#db = new (openSqlite().DatabaseSync)(this.location);
    } catch (cause) {
      throw new Error(`${RULE.driver} cannot open the database ${this.location}: ${text(cause)}`, {
        cause,
      });
    }
    try {
      // WAL: readers do not block the writer, and a commit is one append to
      // the log. An in-memory database has no log, so it keeps its own journal.
      if (this.location !== ':memory:') this.#db.exec('PRAGMA journal_mode = WAL');
      // Another process holding the write lock is waited for, not failed on at once.
      this.#db.exec('PRAGMA busy_timeout = 5000');
      this.#db.exec(SCHEMA);
      this.#insert = this.#db.prepare(
        `INSERT INTO samples (${COLUMNS}, epoch_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      this.#recordMessage = this.#db.prepare(
        'INSERT OR IGNORE INTO messages (message_id) VALUES (?)',
      );
    } catch (cause) {
      this.#db.close();
      throw new Error(
        `${RULE.driver} cannot use ${this.location} as a sample store: ${text(cause)}`,
        {
          cause,
        },
      );
    }
  }

  async write(samples: readonly Sample[], options: WriteOptions = {}): Promise<void> {
    this.#assertOpen('write');
    // Each sample read once into a checked copy: what was checked is what is inserted.
    const { samples: valid, refused } = readSamples(samples);
    const id = options.messageId;
    const stored = valid.length > 0 || id !== undefined ? this.#insertAll(valid, id) : true;
    if (stored && refused.length > 0) throw new InvalidSampleError(refused, valid.length);
  }

  /** False when the message id was stored before: a redelivery, nothing inserted. */
  #insertAll(samples: readonly Sample[], messageId: string | undefined): boolean {
    const insert = this.#insert;
    // One transaction per batch: its valid samples are stored whole or not at
    // all, and there is one sync to disk instead of one per row.
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      if (messageId !== undefined && this.#recordMessage.run(messageId).changes === 0) {
        this.#db.exec('COMMIT');
        return false;
      }
      for (const s of samples) {
        const { meter, type, unit, volume, resourceId, projectId, timestamp, source } = s;
        const epochMs = Date.parse(timestamp);
        insert.run(meter, type, unit, volume, resourceId, projectId, timestamp, source, epochMs);
      }
      this.#db.exec('COMMIT');
      return true;
    } catch (error) {
      // Some failures (a full disk) make SQLite roll back by itself.
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  async query(query: SampleQuery = {}): Promise<Sample[]> {
    this.#assertOpen('query');
    const { from, to } = timeBounds(query);
    const where: string[] = [];
    const values: (string | number)[] = [];
    const add = (condition: string, value: string | number) => {
      where.push(condition);
      values.push(value);
    };
    if (query.meter !== undefined) add('meter = ?', query.meter);
    if (query.resourceId !== undefined) add('resource_id = ?', query.resourceId);
    if (from !== -Infinity) add('epoch_ms >= ?', from);
    if (to !== Infinity) add('epoch_ms < ?', to);
    const filter = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const sql = `SELECT ${COLUMNS} FROM samples ${filter} ORDER BY epoch_ms, seq`;
    const rows = this.#db.prepare(sql).all(...values) as unknown as SampleRow[];
    return rows.map(sampleFromRow);
  }

  /** Closing the last connection checkpoints the log into the database file. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
  }

  #assertOpen(operation: string): void {
    if (this.#closed) throw new StorageClosedError(RULE.driver, this.url, operation);
  }
}

function text(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * `node:sqlite` is loaded when the first database opens, not when this module
 * is imported: on Node.js 22 loading it prints an ExperimentalWarning, which a
 * host that imports the sample plugins and stores elsewhere should not see.
 */
function openSqlite(): typeof import('node:sqlite') {
  return process.getBuiltinModule('node:sqlite');
}
