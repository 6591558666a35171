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
   * Stores a batch whole or not at all. A batch with an invalid sample throws
   * InvalidSampleError and stores nothing.
   */
  write(samples: readonly Sample[]): Promise<void>;
  /** Samples matching every given field, oldest first (by timestamp, then write order). */
  query(query?: SampleQuery): Promise<Sample[]>;
  /** Flushes and releases the store. Writing after close throws. */
  close(): Promise<void>;
}

/** What the host passes to a storage driver's constructor. */
export interface StorageOptions {
  /** The whole URL, e.g. `sqlite:///tmp/meter.db`; the driver reads its own parts. */
  readonly url: string;
}

/** A storage plugin's export: a class the host constructs with the options. */
export type StorageDriverClass = new (options: StorageOptions) => StorageDriver;
