/**
 * A `meter.storage` driver over PostgreSQL, in a package of its own: only a
 * host that wants PostgreSQL installs it and its client library, and the
 * host finds it the way it finds every plugin, through the `entryPoints` field
 * of this package's manifest (`postgres` and its alias `postgresql`).
 *
 * Constructing the driver connects to nothing; it only reads the URL. The
 * first use connects and creates the table if it is missing. A host asks
 * `checkAvailability()` first (the loader's self-check policy does): without a
 * configured or reachable server the answer is "not available" with the
 * reason, and the host disables this driver instead of failing.
 */
import {
  type Availability,
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
import { Pool, type PoolClient } from 'pg';
import { DRIVER, type PostgresUrl, parsePostgresUrl } from './postgres-url.ts';
import { createTable, insertSamples, selectSamples } from './sample-table.ts';

/** How long the availability check (and any connection) may wait for the server. */
const CONNECT_TIMEOUT_MS = 3000;

export class PostgresStorage implements StorageDriver {
  readonly url: string;
  readonly table: string;
  readonly #config: PostgresUrl;
  #pool: Pool | undefined;
  #tableReady: Promise<void> | undefined;
  #closed = false;
  /** The latest error of an idle connection; the pool replaces such connections. */
  #lastConnectionError: Error | undefined;

  constructor(options: StorageOptions) {
    this.#config = parsePostgresUrl(options.url);
    this.url = this.#config.redacted;
    this.table = this.#config.table;
  }

  /** Can this driver run here? Connects once (with a short timeout) and prepares the table. */
  async checkAvailability(): Promise<Availability> {
    const { notConfigured } = this.#config;
    if (notConfigured !== undefined) return { available: false, reason: notConfigured };
    try {
      await this.#ready();
      return { available: true };
    } catch (error) {
      return {
        available: false,
        reason: `cannot use PostgreSQL at ${this.url}: ${describeConnectError(error)}`,
      };
    }
  }

  /**
   * Stores the batch's valid samples (each read once into a checked copy) by
   * one statement: all of them or, on any error, none of them. Invalid
   * samples are then named in an InvalidSampleError. With a message id, the
   * id is recorded by the same statement; an id recorded before stores nothing.
   */
  async write(samples: readonly Sample[], options: WriteOptions = {}): Promise<void> {
    this.#refuseIfClosed('write');
    const { samples: valid, refused } = readSamples(samples);
    let stored = true;
    if (valid.length > 0) {
      await this.#ready();
      const statement = insertSamples(this.table, valid, options.messageId);
      const result = await this.#connections().query(statement.text, statement.values);
      // No row: the message id was recorded before, and nothing was stored again.
      stored = (result.rowCount ?? 0) > 0;
    }
    if (stored && refused.length > 0) throw new InvalidSampleError(refused, valid.length);
  }

  async query(query: SampleQuery = {}): Promise<Sample[]> {
    this.#refuseIfClosed('query');
    const statement = selectSamples(this.table, query);
    await this.#ready();
    const result = await this.#connections().query<SampleRow>(statement.text, statement.values);
    return result.rows.map(sampleFromRow);
  }

  /** Ends every connection. Idempotent; a closed driver refuses to write or query. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.end();
  }

  /** Connects and creates the table, once; a failed attempt is retried on the next call. */
  #ready(): Promise<void> {
    if (this.#config.notConfigured !== undefined) {
      return Promise.reject(new Error(this.#config.notConfigured));
    }
    this.#tableReady ??= this.#inTransaction(async (client) => {
      // Two drivers creating one table at once would collide in the catalog: take turns.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.table]);
      await client.query(createTable(this.table));
    }).catch((error: unknown) => {
      this.#tableReady = undefined;
      throw error;
    });
    return this.#tableReady;
  }

  async #inTransaction<R>(work: (client: PoolClient) => Promise<R>): Promise<R> {
    const client = await this.#connections().connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  #connections(): Pool {
    // close() may have run while this call awaited: never open a pool again after it.
    this.#refuseIfClosed('connect');
    if (this.#pool === undefined) {
      const pool = new Pool({
        connectionString: this.#config.connectionString,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        max: 4,
        // An idle pool must not keep the host's process alive.
        allowExitOnIdle: true,
      });
      // Without a listener, an idle connection dropped by the server would be an
      // uncaught 'error' event: it would take the host down, not just this driver.
      pool.on('error', (error) => {
        this.#lastConnectionError = error;
      });
      this.#pool = pool;
    }
    return this.#pool;
  }

  #refuseIfClosed(operation: string): void {
    if (this.#closed) throw new StorageClosedError(DRIVER, this.url, operation);
  }

  /** The last error reported by an idle connection, if any: for a host's diagnostics. */
  get lastConnectionError(): Error | undefined {
    return this.#lastConnectionError;
  }
}

/**
 * A connection error, in one line. Node reports a refused connection to a
 * name with several addresses (localhost: ::1 and 127.0.0.1) as an
 * AggregateError with an empty message; its parts say what happened.
 */
function describeConnectError(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    return error.errors.map((e) => describeConnectError(e)).join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return error.message !== '' ? error.message : typeof code === 'string' ? code : error.name;
  }
  return String(error);
}
