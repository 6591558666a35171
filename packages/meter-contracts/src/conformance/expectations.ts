/**
 * The few assertions the storage conformance checks need, written here rather
 * than borrowed from a test framework so the kit runs under any runner (or
 * none). Each failure message says what the driver did and what a driver must
 * do instead: the reader is a plugin author whose driver just failed.
 */
import { InvalidSampleError, type Sample, sampleProblems } from '../sample.ts';

/** A driver broke one of the storage promises. `check` is the check's name. */
export class StorageConformanceError extends Error {
  readonly check: string;
  constructor(check: string, message: string, options?: { cause?: unknown }) {
    super(`storage conformance, "${check}": ${message}`, options);
    this.name = 'StorageConformanceError';
    this.check = check;
  }
}

/** An expectation failed; the check runner adds the check's name. */
export class ExpectationFailure extends Error {
  override name = 'ExpectationFailure';
}

export function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ExpectationFailure(message);
}

/**
 * `actual` holds exactly `expected`, in that order, field by field. Timestamps
 * are compared as instants, not text: a driver may keep them in a date type
 * and give back `…00Z` for `…00.000Z`.
 */
export function expectSamples(actual: unknown, expected: readonly Sample[], what: string): void {
  expect(Array.isArray(actual), `${what}: query() must resolve to an array, got ${show(actual)}`);
  const rows = actual as unknown[];
  expect(
    rows.length === expected.length,
    `${what}: expected ${expected.length} sample(s), got ${rows.length}`,
  );
  rows.forEach((row, index) => {
    const problems = sampleProblems(row);
    expect(
      problems.length === 0,
      `${what}: sample #${index} is not a valid Sample (${problems.join('; ')})`,
    );
    const got = row as Sample;
    const want = expected[index] as Sample;
    for (const field of FIELDS) {
      const same =
        field === 'timestamp'
          ? Date.parse(got.timestamp) === Date.parse(want.timestamp)
          : Object.is(got[field], want[field]);
      expect(
        same,
        `${what}: sample #${index} has ${field} ${show(got[field])}, expected ${show(want[field])}`,
      );
    }
  });
}

/** Runs `action`, which must fail; returns what it threw. */
export async function expectRejection(action: () => unknown, what: string): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new ExpectationFailure(`${what}: expected it to throw, but it succeeded`);
}

/**
 * The error is the contracts' InvalidSampleError. Matched by name as well as
 * by class, because a driver may bring its own copy of the contracts package.
 */
export function expectInvalidSampleError(error: unknown, what: string): void {
  const matches =
    error instanceof InvalidSampleError ||
    (error instanceof Error && error.name === 'InvalidSampleError');
  expect(matches, `${what}: expected an InvalidSampleError, got ${show(error)}`);
}

/** Timestamp first: when samples come back in the wrong order, that is the telling difference. */
const FIELDS = [
  'timestamp',
  'meter',
  'resourceId',
  'projectId',
  'type',
  'unit',
  'volume',
  'source',
] as const;

function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'number' || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
