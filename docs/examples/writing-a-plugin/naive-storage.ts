// A third party's first storage driver: it compiles against the contract, and
// looks right. The conformance kit says otherwise.
import type {
  Sample,
  SampleQuery,
  StorageDriver,
  StorageOptions,
} from '@plugin-patterns/meter-contracts';

export class NaiveStorage implements StorageDriver {
  readonly url: string;
  #samples: Sample[] = [];

  constructor(options: StorageOptions) {
    this.url = options.url;
  }

  async write(samples: readonly Sample[]): Promise<void> {
    this.#samples.push(...samples); // no validation: a bad sample is stored too
  }

  async query(query: SampleQuery = {}): Promise<Sample[]> {
    return this.#samples.filter(
      (s) =>
        (query.meter === undefined || s.meter === query.meter) &&
        (query.resourceId === undefined || s.resourceId === query.resourceId) &&
        (query.from === undefined || s.timestamp >= query.from) &&
        (query.to === undefined || s.timestamp < query.to),
    ); // in write order, not by timestamp
  }

  async close(): Promise<void> {} // and it keeps working after close
}
