import { describe, expect, it } from 'vitest';
import { sampleAt } from './conformance-samples.ts';
import type { StorageConformanceCheck } from './define-check.ts';
import { StorageConformanceError } from './expectations.ts';
import { runStorageConformance, storageConformanceChecks } from './storage-conformance.ts';
import { type Faults, ReferenceDriver, ReferenceStore } from './test-reference-driver.ts';

// The kit registered with vitest, exactly as a driver author would use it.
let store = new ReferenceStore();
runStorageConformance(
  () => {
    store = new ReferenceStore();
    return new ReferenceDriver(store);
  },
  { describe, it },
  { reopen: () => new ReferenceDriver(store), title: 'the kit passes an honest driver' },
);

function named(name: string): StorageConformanceCheck {
  const found = storageConformanceChecks.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no check named ${name}`);
  return found;
}

/** Runs one check against a driver with one fault and returns what it threw. */
async function failureOf(name: string, faults: Faults): Promise<StorageConformanceError> {
  let shared = new ReferenceStore();
  const make = () => {
    shared = new ReferenceStore();
    return new ReferenceDriver(shared, faults);
  };
  const context = { reopen: () => new ReferenceDriver(shared, faults), largeBatchSize: 50 };
  const error = await named(name)
    .run(make, context)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  if (!(error instanceof StorageConformanceError)) {
    throw new Error(`"${name}" did not fail with a StorageConformanceError: ${String(error)}`);
  }
  return error;
}

describe('the kit catches a broken driver', () => {
  it('that ignores the exclusive upper bound', async () => {
    const error = await failureOf('query filters by time range: from inclusive, to exclusive', {
      ignoresTo: true,
    });
    expect(error.check).toBe('query filters by time range: from inclusive, to exclusive');
    expect(error.message).toContain('query({ from, to }): expected 2 sample(s), got 3');
  });

  it('that refuses a whole batch for one invalid sample', async () => {
    const error = await failureOf(
      'a batch with an invalid sample stores its valid samples and names each invalid one',
      { refusesWholeBatch: true },
    );
    expect(error.message).toContain(
      'query() after the batch with one bad sample: expected 4 sample(s), got 2',
    );
  });

  it('that checks a sample and then stores it read again', async () => {
    const error = await failureOf(
      'reads each sample once: a value that changes after the check is not stored',
      { readsTwice: true },
    );
    expect(error.message).toContain('after a sample whose volume turns NaN');
  });

  it('that returns the newest sample first', async () => {
    const error = await failureOf('query orders by timestamp, then by write order', {
      newestFirst: true,
    });
    expect(error.message).toMatch(/sample #0 has timestamp "2026-01-01T00:00:20.000Z"/);
  });

  it('that keeps writing after close', async () => {
    const error = await failureOf('refuses to write after close', { writesAfterClose: true });
    expect(error.message).toContain('write() after close(): expected it to throw');
  });

  it('that loses its samples when closed', async () => {
    const error = await failureOf('reopening the store returns what was written', {
      forgetsOnClose: true,
    });
    expect(error.message).toContain('query() after reopening: expected 2 sample(s), got 0');
  });

  it('that drops the end of a large batch', async () => {
    const error = await failureOf('stores a large batch whole', { capsBatchesAt: 40 });
    expect(error.message).toContain('expected 50 sample(s), got 40');
  });

  it('that stores a redelivered message again', async () => {
    const error = await failureOf('a batch with a message id already stored is stored once', {
      ignoresMessageId: true,
    });
    expect(error.message).toContain('after a message written twice: expected 4 sample(s), got 6');
  });

  it('whose store is not empty when the check starts', async () => {
    const dirty = new ReferenceStore();
    await new ReferenceDriver(dirty).write([sampleAt({ source: 'earlier' })]);
    const check = named('accepts an empty batch and stores nothing');
    await expect(
      check.run(() => new ReferenceDriver(dirty), { largeBatchSize: 1 }),
    ).rejects.toThrow('makeDriver must open an empty store');
  });

  it('and keeps the driver’s own error as the cause', async () => {
    const boom = new Error('disk full');
    const driver = new ReferenceDriver(new ReferenceStore());
    driver.write = async () => {
      throw boom;
    };
    const error = await named('accepts an empty batch and stores nothing')
      .run(() => driver, { largeBatchSize: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageConformanceError);
    expect((error as Error).message).toContain('the driver threw Error: disk full');
    expect((error as Error).cause).toBe(boom);
  });
});

describe('runStorageConformance', () => {
  function recorded(options: { reopen?: () => ReferenceDriver }) {
    const titles: string[] = [];
    const tests: string[] = [];
    runStorageConformance(
      () => new ReferenceDriver(new ReferenceStore()),
      {
        describe: (title, body) => {
          titles.push(title);
          body();
        },
        it: (name) => {
          tests.push(name);
        },
      },
      options,
    );
    return { titles, tests };
  }

  it('registers every check, under one describe, with any describe/it pair', () => {
    const { titles, tests } = recorded({ reopen: () => new ReferenceDriver(new ReferenceStore()) });
    expect(titles).toEqual(['meter.storage conformance']);
    expect(tests).toEqual(storageConformanceChecks.map((c) => c.name));
  });

  it('leaves out the persistence check when there is no reopen', () => {
    const { tests } = recorded({});
    expect(tests).not.toContain('reopening the store returns what was written');
    expect(tests).toHaveLength(storageConformanceChecks.length - 1);
  });

  it('names every check uniquely', () => {
    const names = storageConformanceChecks.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
