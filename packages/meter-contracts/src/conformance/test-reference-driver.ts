/**
 * A deliberately small in-memory driver for testing the conformance kit
 * itself, with switches that each break one storage promise: the kit must
 * pass the honest driver and catch every broken one.
 */
import { InvalidSampleError, readSamples, type Sample, sampleProblems } from '../sample.ts';
import type { SampleQuery, StorageDriver, WriteOptions } from '../storage.ts';

export interface Faults {
  readonly ignoresTo?: boolean;
  /** The old promise: a batch with an invalid sample stores nothing. */
  readonly refusesWholeBatch?: boolean;
  /** Checks each sample, then stores it read again. */
  readonly readsTwice?: boolean;
  readonly newestFirst?: boolean;
  readonly writesAfterClose?: boolean;
  readonly forgetsOnClose?: boolean;
  readonly capsBatchesAt?: number;
  /** Stores a redelivered message again. */
  readonly ignoresMessageId?: boolean;
}

/** The rows outlive a driver, so a second driver over them is a "reopen". */
export class ReferenceStore {
  rows: Sample[] = [];
  messageIds = new Set<string>();
}

export class ReferenceDriver implements StorageDriver {
  readonly #store: ReferenceStore;
  readonly #faults: Faults;
  #closed = false;

  constructor(store: ReferenceStore, faults: Faults = {}) {
    this.#store = store;
    this.#faults = faults;
  }

  async write(samples: readonly Sample[], options: WriteOptions = {}): Promise<void> {
    if (this.#closed && !this.#faults.writesAfterClose) throw new Error('closed');
    const id = options.messageId;
    if (id !== undefined && !this.#faults.ignoresMessageId) {
      if (this.#store.messageIds.has(id)) return;
      this.#store.messageIds.add(id);
    }
    if (this.#faults.readsTwice) {
      for (const sample of samples) {
        if (sampleProblems(sample).length === 0) this.#store.rows.push({ ...sample });
      }
      return;
    }
    const { samples: valid, refused } = readSamples(samples);
    if (this.#faults.refusesWholeBatch && refused.length > 0) {
      throw new InvalidSampleError(refused);
    }
    const kept = valid.slice(0, this.#faults.capsBatchesAt ?? valid.length);
    this.#store.rows.push(...kept.map((s) => ({ ...s })));
    if (refused.length > 0) throw new InvalidSampleError(refused, kept.length);
  }

  async query(query: SampleQuery = {}): Promise<Sample[]> {
    const from = query.from === undefined ? -Infinity : Date.parse(query.from);
    const to = query.to === undefined || this.#faults.ignoresTo ? Infinity : Date.parse(query.to);
    const rows = this.#store.rows
      .map((sample, order) => ({ sample, order, ms: Date.parse(sample.timestamp) }))
      .filter(({ sample, ms }) => {
        if (query.meter !== undefined && sample.meter !== query.meter) return false;
        if (query.resourceId !== undefined && sample.resourceId !== query.resourceId) return false;
        return ms >= from && ms < to;
      })
      .sort((a, b) => a.ms - b.ms || a.order - b.order)
      .map(({ sample }) => ({ ...sample }));
    return this.#faults.newestFirst ? rows.reverse() : rows;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#faults.forgetsOnClose) this.#store.rows = [];
  }
}
