/**
 * `memory:` — samples kept in a list in this process, gone when it exits.
 * The driver for tests, demos and short-lived tools: nothing to configure,
 * nothing left behind. It is also the smallest complete StorageDriver, so it
 * is the one to read first.
 */
import {
  InvalidSampleError,
  readSamples,
  type Sample,
  type SampleQuery,
  StorageClosedError,
  type StorageDriver,
  type StorageOptions,
  type WriteOptions,
} from '@plugin-patterns/meter-contracts';
import { selectSamples } from './select-samples.ts';
import { requireExactUrl } from './storage-url.ts';

const RULE = { driver: 'MemoryStorage', scheme: 'memory', expected: '"memory:"' };

export class MemoryStorage implements StorageDriver {
  readonly url: string;
  #samples: Sample[] = [];
  /** The message ids already stored: a redelivered message stores nothing. */
  #messageIds = new Set<string>();
  #closed = false;

  constructor(options: StorageOptions) {
    this.url = requireExactUrl(options?.url, 'memory:', RULE);
  }

  async write(samples: readonly Sample[], options: WriteOptions = {}): Promise<void> {
    this.#assertOpen('write');
    const id = options.messageId;
    if (id !== undefined) {
      if (this.#messageIds.has(id)) return;
      this.#messageIds.add(id);
    }
    // Each sample read once into a checked copy: the valid ones are kept, the others named.
    const { samples: valid, refused } = readSamples(samples);
    for (const sample of valid) this.#samples.push(sample);
    if (refused.length > 0) throw new InvalidSampleError(refused, valid.length);
  }

  async query(query: SampleQuery = {}): Promise<Sample[]> {
    this.#assertOpen('query');
    return selectSamples(this.#samples, query);
  }

  /** Nothing to flush; the samples are released so a closed store holds no memory. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#samples = [];
    this.#messageIds = new Set();
  }

  #assertOpen(operation: string): void {
    if (this.#closed) throw new StorageClosedError(RULE.driver, this.url, operation);
  }
}
