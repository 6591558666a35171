/**
 * The storage conformance kit: every promise a `meter.storage` driver makes
 * (see StorageDriver), written once as named checks, so that a third party's
 * driver is held to exactly what the project's own drivers are held to.
 *
 * It is framework-agnostic on purpose. A check is a plain async function that
 * throws a StorageConformanceError; `runStorageConformance` registers the
 * checks with any runner that offers `describe` and `it` (vitest, node:test,
 * jest, mocha), so the contracts package depends on none of them.
 *
 * Every check calls `makeDriver()` once and needs the driver to be over a new,
 * empty store; it closes the driver when done.
 */
import { invalidSamples, sampleAt, timeAt, variedSamples } from './conformance-samples.ts';
import {
  check,
  checkOwnLifecycle,
  type MakeDriver,
  openEmpty,
  type StorageConformanceCheck,
} from './define-check.ts';
import {
  expect,
  expectInvalidSampleError,
  expectRejection,
  expectSamples,
} from './expectations.ts';

export const storageConformanceChecks: readonly StorageConformanceCheck[] = [
  check('write then query returns every sample unchanged', async (driver) => {
    const samples = variedSamples();
    await driver.write(samples);
    expectSamples(await driver.query(), samples, 'query() after one write');
    expectSamples(await driver.query({}), samples, 'query({}) after one write');
  }),

  check('query filters by meter', async (driver) => {
    const memory = sampleAt({ at: 2, meter: 'memory.usage', unit: 'B' });
    await driver.write([sampleAt({ at: 1 }), memory, sampleAt({ at: 3 })]);
    const cpu = [sampleAt({ at: 1 }), sampleAt({ at: 3 })];
    expectSamples(await driver.query({ meter: 'cpu.util' }), cpu, 'query({ meter })');
    expectSamples(await driver.query({ meter: 'no.such.meter' }), [], 'query for an absent meter');
  }),

  check('query filters by resourceId', async (driver) => {
    const onB = sampleAt({ at: 2, resourceId: 'host-b' });
    await driver.write([sampleAt({ at: 1 }), onB, sampleAt({ at: 3 })]);
    expectSamples(await driver.query({ resourceId: 'host-b' }), [onB], 'query({ resourceId })');
  }),

  check('query filters by time range: from inclusive, to exclusive', async (driver) => {
    const at = (seconds: number) => sampleAt({ at: seconds, volume: seconds });
    await driver.write([at(0), at(10), at(20), at(30)]);
    const range = { from: timeAt(10), to: timeAt(30) };
    expectSamples(await driver.query(range), [at(10), at(20)], 'query({ from, to })');
    expectSamples(await driver.query({ from: timeAt(20) }), [at(20), at(30)], 'query({ from })');
    expectSamples(await driver.query({ to: timeAt(10) }), [at(0)], 'query({ to })');
  }),

  check('query combines filters', async (driver) => {
    const wanted = sampleAt({ at: 5, resourceId: 'host-b' });
    await driver.write([
      sampleAt({ at: 1, resourceId: 'host-b' }),
      sampleAt({ at: 5, resourceId: 'host-b', meter: 'memory.usage', unit: 'B' }),
      sampleAt({ at: 5 }),
      wanted,
    ]);
    const q = { meter: 'cpu.util', resourceId: 'host-b', from: timeAt(2) };
    expectSamples(await driver.query(q), [wanted], 'query({ meter, resourceId, from })');
  }),

  check('query orders by timestamp, then by write order', async (driver) => {
    const mark = (at: number, volume: number) => sampleAt({ at, volume });
    await driver.write([mark(20, 1), mark(10, 2), mark(10, 3)]);
    await driver.write([mark(10, 4), mark(20, 5), mark(0, 6)]);
    const expected = [mark(0, 6), mark(10, 2), mark(10, 3), mark(10, 4), mark(20, 1), mark(20, 5)];
    expectSamples(await driver.query(), expected, 'query() over out-of-order writes');
  }),

  check(
    'a batch with an invalid sample stores its valid samples and names each invalid one',
    async (driver) => {
      const kept = [sampleAt({ at: 1 }), sampleAt({ at: 2 })];
      await driver.write(kept);
      const bad = { ...sampleAt({ at: 3 }), volume: Number.NaN };
      const what = 'write() of a batch whose second sample is invalid';
      const error = await expectRejection(
        () => driver.write([sampleAt({ at: 3 }), bad, sampleAt({ at: 4 })]),
        what,
      );
      expectInvalidSampleError(error, what);
      const stored = [...kept, sampleAt({ at: 3 }), sampleAt({ at: 4 })];
      expectSamples(await driver.query(), stored, 'query() after the batch with one bad sample');
      const index = (error as { index?: unknown }).index;
      expect(index === 1, `the InvalidSampleError must name sample #1, it names #${String(index)}`);
      const refused = (error as { refused?: readonly { index: number }[] }).refused;
      const indexes = JSON.stringify(refused?.map((r) => r.index));
      expect(indexes === '[1]', `its refused list must be sample #1 alone, it is ${indexes}`);
    },
  ),

  check(
    'reads each sample once: a value that changes after the check is not stored',
    async (driver) => {
      let reads = 0;
      const twoFaced = {
        ...sampleAt({ at: 1 }),
        get volume() {
          reads += 1;
          return reads === 1 ? 42 : Number.NaN;
        },
      };
      await driver.write([twoFaced, sampleAt({ at: 2 })]);
      expectSamples(
        await driver.query(),
        [sampleAt({ at: 1, volume: 42 }), sampleAt({ at: 2 })],
        'query() after a sample whose volume turns NaN after its first read',
      );
    },
  ),

  check('stores a volume of -0 as 0', async (driver) => {
    await driver.write([sampleAt({ at: 1, volume: -0 })]);
    const [stored] = await driver.query();
    const got = Object.is(stored?.volume, -0) ? '-0' : String(stored?.volume);
    expect(Object.is(stored?.volume, 0), `a -0 volume must read back as 0, got ${got}`);
  }),

  check('refuses NaN volumes, missing fields and wrong types', async (driver) => {
    for (const { why, sample } of invalidSamples()) {
      const what = `write() of a sample with ${why}`;
      expectInvalidSampleError(await expectRejection(() => driver.write([sample]), what), what);
    }
    expectSamples(await driver.query(), [], 'query() after only refused batches');
  }),

  check('accepts an empty batch and stores nothing', async (driver) => {
    await driver.write([]);
    expectSamples(await driver.query(), [], 'query() after an empty batch');
  }),

  check('concurrent writes are all stored', async (driver) => {
    const batches = [1, 2, 3].map((b) => [
      sampleAt({ at: b, volume: b }),
      sampleAt({ at: b + 10 }),
    ]);
    await Promise.all(batches.map((batch) => driver.write(batch)));
    const all = batches.flat().sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    expectSamples(await driver.query(), all, 'query() after three writes not awaited in turn');
  }),

  check('stores a large batch whole', async (driver, context) => {
    const size = context.largeBatchSize;
    const batch = Array.from({ length: size }, (_, i) =>
      sampleAt({
        at: i,
        volume: i,
        meter: i % 2 === 0 ? 'cpu.util' : 'memory.usage',
        resourceId: `host-${i % 7}`,
      }),
    );
    await driver.write(batch);
    expectSamples(await driver.query(), batch, `query() after a batch of ${size}`);
    const cpu = batch.filter((s) => s.meter === 'cpu.util' && s.resourceId === 'host-3');
    expectSamples(await driver.query({ meter: 'cpu.util', resourceId: 'host-3' }), cpu, 'a filter');
  }),

  check('a batch with a message id already stored is stored once', async (driver) => {
    const first = [sampleAt({ at: 1 }), sampleAt({ at: 2 })];
    await driver.write(first, { messageId: 'message-1' });
    // The same message delivered again (at-least-once): nothing more is stored.
    await driver.write(first, { messageId: 'message-1' });
    const other = [sampleAt({ at: 3 })];
    await driver.write(other, { messageId: 'message-2' });
    await driver.write(other);
    const stored = [...first, ...other, ...other];
    expectSamples(await driver.query(), stored, 'query() after a message written twice');
  }),

  checkOwnLifecycle('refuses to write after close', async (makeDriver) => {
    const driver = await openEmpty(makeDriver);
    await driver.write([sampleAt()]);
    await driver.close();
    await expectRejection(() => driver.write([sampleAt({ at: 1 })]), 'write() after close()');
  }),

  checkOwnLifecycle(
    'reopening the store returns what was written',
    async (makeDriver, context) => {
      const reopen = context.reopen;
      expect(reopen !== undefined, 'this check needs the reopen option');
      const driver = await openEmpty(makeDriver);
      const second = sampleAt({ at: 2 });
      const first = sampleAt({ at: 1, meter: 'memory.usage', unit: 'B' });
      await driver.write([second, first]);
      await driver.close();
      const again = await reopen();
      try {
        const later = sampleAt({ at: 1, volume: 99 });
        expectSamples(await again.query(), [first, second], 'query() after reopening');
        await again.write([later]);
        const expected = [first, later, second];
        expectSamples(await again.query(), expected, 'query() after writing to the reopened store');
      } finally {
        await again.close();
      }
    },
    'reopen',
  ),
];

/** Any describe/it pair: vitest's, node:test's, jest's, mocha's. */
export interface TestRegistrar {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
}

export interface StorageConformanceOptions {
  /** Opens the store of the latest `makeDriver()` again; enables the persistence check. */
  readonly reopen?: MakeDriver | undefined;
  /** Default 2,000. */
  readonly largeBatchSize?: number;
  /** The describe block's title. Default `meter.storage conformance`. */
  readonly title?: string;
}

/**
 * Registers every check as a test. Checks that need `reopen` are left out (not
 * skipped) when it is not given: a store that cannot be reopened, such as one
 * in memory, has no persistence to check.
 */
export function runStorageConformance(
  makeDriver: MakeDriver,
  runner: TestRegistrar,
  options: StorageConformanceOptions = {},
): void {
  const context = { reopen: options.reopen, largeBatchSize: options.largeBatchSize ?? 2000 };
  runner.describe(options.title ?? 'meter.storage conformance', () => {
    for (const conformance of storageConformanceChecks) {
      if (conformance.needs === 'reopen' && context.reopen === undefined) continue;
      runner.it(conformance.name, () => conformance.run(makeDriver, context));
    }
  });
}
