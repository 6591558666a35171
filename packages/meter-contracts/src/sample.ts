/**
 * The metering sample: the one record every plugin in this project produces
 * or stores. It follows ceilometer's sample (meter name, type, unit, volume,
 * the resource and project it is about, when it was taken) in miniature.
 */

/** gauge: a reading at one moment; cumulative: a counter since start; delta: change since last. */
export type MeterType = 'gauge' | 'cumulative' | 'delta';

export interface Sample {
  /** e.g. `cpu.util`, `instance`, `volume.size`. */
  readonly meter: string;
  readonly type: MeterType;
  /** e.g. `%`, `B`, `GB`, `instance`. */
  readonly unit: string;
  /** A finite number. */
  readonly volume: number;
  readonly resourceId: string;
  /** null for samples about the machine itself, which belong to no project. */
  readonly projectId: string | null;
  /** ISO 8601 UTC, e.g. `2026-11-26T10:00:00.000Z`. */
  readonly timestamp: string;
  /** Which plugin produced it, e.g. `notification:compute.instance`. */
  readonly source: string;
}

const METER_TYPES: ReadonlySet<string> = new Set(['gauge', 'cumulative', 'delta']);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * Every problem with a would-be sample, as `field: message` strings; empty
 * when it is a valid Sample. Storage drivers call it before writing, so a bad
 * sample is refused with a reason instead of corrupting the store.
 */
export function sampleProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['sample: must be an object'];
  }
  const s = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const field of ['meter', 'unit', 'resourceId', 'source'] as const) {
    if (typeof s[field] !== 'string' || (s[field] as string).length === 0) {
      problems.push(`${field}: must be a non-empty string`);
    }
  }
  if (typeof s.type !== 'string' || !METER_TYPES.has(s.type)) {
    problems.push('type: must be one of gauge, cumulative, delta');
  }
  if (typeof s.volume !== 'number' || !Number.isFinite(s.volume)) {
    problems.push('volume: must be a finite number');
  }
  if (s.projectId !== null && typeof s.projectId !== 'string') {
    problems.push('projectId: must be a string or null');
  }
  if (
    typeof s.timestamp !== 'string' ||
    !ISO_UTC.test(s.timestamp) ||
    Number.isNaN(Date.parse(s.timestamp))
  ) {
    problems.push('timestamp: must be an ISO 8601 UTC date-time');
  }
  return problems;
}

export function isSample(value: unknown): value is Sample {
  return sampleProblems(value).length === 0;
}

/** Thrown by a storage driver for a batch holding an invalid sample. Nothing of that batch is stored. */
export class InvalidSampleError extends Error {
  readonly index: number;
  readonly problems: readonly string[];
  constructor(index: number, problems: readonly string[]) {
    super(`sample #${index} is invalid: ${problems.join('; ')}`);
    this.name = 'InvalidSampleError';
    this.index = index;
    this.problems = problems;
  }
}

/** Throws InvalidSampleError for the first invalid sample of a batch. */
export function assertSamples(samples: readonly unknown[]): asserts samples is readonly Sample[] {
  if (!Array.isArray(samples)) throw new InvalidSampleError(-1, ['batch: must be an array']);
  samples.forEach((sample, index) => {
    const problems = sampleProblems(sample);
    if (problems.length > 0) throw new InvalidSampleError(index, problems);
  });
}
