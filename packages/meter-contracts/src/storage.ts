/**
 * `meter.storage`: where samples are kept. The host loads exactly one storage
 * driver (the driver pattern), chosen by the scheme of a URL such as
 * `sqlite:///var/lib/meter.db`, `memory:` or `jsonl:///tmp/samples.jsonl`.
 */
import type { Sample } from './sample.ts';

export const STORAGE_NAMESPACE = 'meter.storage';

export interface SampleQuery {
  readonly meter?: string;
  readonly resourceId?: string;
  /** Inclusive lower bound, ISO 8601. */
  readonly from?: string;
  /** Exclusive upper bound, ISO 8601. */
  readonly to?: string;
}

export interface StorageDriver {
  /**
   * Stores every valid sample of a batch, each read once into a checked copy
   * (meter-contracts' `readSamples`), so a bad sample never costs the good
   * ones; the valid samples are stored whole or not at all. When some were
   * invalid, it then throws InvalidSampleError naming each one (`refused`)
   * and how many were stored (`stored`). A volume of -0 is stored as 0.
   *
   * With `options.messageId` (the notification the samples came from), the
   * write is idempotent: a batch with an id already stored stores nothing
   * and resolves. A message delivered twice (at-least-once) is then stored once.
   */
  write(samples: readonly Sample[], options?: WriteOptions): Promise<void>;
  /** Samples matching every given field, oldest first (by timestamp, then write order). */
  query(query?: SampleQuery): Promise<Sample[]>;
  /** Flushes and releases the store. Writing after close throws. */
  close(): Promise<void>;
}

export interface WriteOptions {
  /**
   * The id of the message the batch came from. The id is stored with the
   * batch, in the same transaction; a later batch with the same id is a
   * redelivery and stores nothing.
   */
  readonly messageId?: string;
}

/** What the host passes to a storage driver's constructor. */
export interface StorageOptions {
  /** The whole URL, e.g. `sqlite:///tmp/meter.db`; the driver reads its own parts. */
  readonly url: string;
}

/** A storage plugin's export: a class the host constructs with the options. */
export type StorageDriverClass = new (options: StorageOptions) => StorageDriver;

/**
 * A driver was given a URL it cannot use. Names the URL and what the driver
 * expects, so a typo in a host's configuration is fixed from the message alone.
 */
export class InvalidStorageUrlError extends Error {
  readonly url: string;
  /** What the driver accepts, e.g. `sqlite:///absolute/path.db or sqlite::memory:`. */
  readonly expected: string;
  constructor(driver: string, url: string, expected: string, why?: string) {
    super(
      `${driver} cannot use the URL "${url}"${why === undefined ? '' : ` (${why})`}: expected ${expected}`,
    );
    this.name = 'InvalidStorageUrlError';
    this.url = url;
    this.expected = expected;
  }
}

/** A driver was used after `close()`. A closed store stays closed; open a new driver instead. */
export class StorageClosedError extends Error {
  readonly url: string;
  constructor(driver: string, url: string, operation: string) {
    super(`${driver} (${url}): cannot ${operation} after close()`);
    this.name = 'StorageClosedError';
    this.url = url;
  }
}
