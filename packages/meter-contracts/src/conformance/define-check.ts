/**
 * What a storage conformance check is, and the two ways one runs: with a
 * fresh driver the check is handed and that is closed for it, or managing the
 * driver's life itself (to test close and reopen). Either way every failure
 * comes out as a StorageConformanceError carrying the check's name.
 */
import type { StorageDriver } from '../storage.ts';
import { ExpectationFailure, expectSamples, StorageConformanceError } from './expectations.ts';

export type MakeDriver = () => StorageDriver | Promise<StorageDriver>;

export interface StorageConformanceContext {
  /** Opens, again, the store that the latest `makeDriver()` call created. */
  readonly reopen?: MakeDriver | undefined;
  /** Samples in the large-batch check. */
  readonly largeBatchSize: number;
}

export interface StorageConformanceCheck {
  readonly name: string;
  /** Set when the check needs `reopen`; adapters leave such checks out without it. */
  readonly needs?: 'reopen';
  run(makeDriver: MakeDriver, context: StorageConformanceContext): Promise<void>;
}

/** A check that gets one fresh, empty driver and closes it afterwards. */
export function check(
  name: string,
  body: (driver: StorageDriver, context: StorageConformanceContext) => Promise<void>,
): StorageConformanceCheck {
  return {
    name,
    run: (makeDriver, context) =>
      attempt(name, async () => {
        const driver = await openEmpty(makeDriver);
        try {
          await body(driver, context);
        } finally {
          await driver.close();
        }
      }),
  };
}

/** A check that opens and closes drivers itself, to test closing and reopening. */
export function checkOwnLifecycle(
  name: string,
  body: (makeDriver: MakeDriver, context: StorageConformanceContext) => Promise<void>,
  needs?: 'reopen',
): StorageConformanceCheck {
  const run: StorageConformanceCheck['run'] = (makeDriver, context) =>
    attempt(name, () => body(makeDriver, context));
  return needs === undefined ? { name, run } : { name, needs, run };
}

/** The driver `makeDriver` opens, after checking that its store is empty. */
export async function openEmpty(makeDriver: MakeDriver): Promise<StorageDriver> {
  const driver = await makeDriver();
  expectSamples(await driver.query(), [], 'a new store (makeDriver must open an empty store)');
  return driver;
}

/** Gives every failure the check's name; a driver's own error is kept as the cause. */
async function attempt(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof ExpectationFailure) throw new StorageConformanceError(name, error.message);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new StorageConformanceError(name, `the driver threw ${message}`, { cause: error });
  }
}
