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
  /** A finite number. -0 is stored as 0 (see `readSample`). */
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
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/;

/**
 * Every problem with a would-be sample, as `field: message` strings; empty
 * when it is a valid Sample. Storage drivers call it before writing, so a bad
 * sample is refused with a reason instead of corrupting the store.
 *
 * It reads the value's fields as they are now. A plugin's object can answer
 * differently the next time (a getter), so code that checks a sample and then
 * uses it should check and use a copy: `readSample`.
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
  if (typeof s.timestamp !== 'string' || !isUtcInstant(s.timestamp)) {
    problems.push('timestamp: must be an ISO 8601 UTC date-time');
  }
  return problems;
}

/**
 * The ISO form, and a date the calendar has: `Date.parse` reads
 * `2026-02-30T00:00:00Z` as the 2nd of March, so each part is checked
 * against the date it makes instead.
 */
export function isUtcInstant(text: string): boolean {
  const parts = ISO_UTC.exec(text);
  if (parts === null) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts
    .slice(1, 7)
    .map(Number);
  // Built in a leap year, then moved to its own: Date.UTC reads years below 100 as 19xx.
  const at = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  at.setUTCFullYear(year);
  return (
    at.getUTCFullYear() === year &&
    at.getUTCMonth() === month - 1 &&
    at.getUTCDate() === day &&
    at.getUTCHours() === hour &&
    at.getUTCMinutes() === minute &&
    at.getUTCSeconds() === second
  );
}

export function isSample(value: unknown): value is Sample {
  return sampleProblems(value).length === 0;
}

export type SampleRead =
  | { readonly ok: true; readonly sample: Sample }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Reads a would-be sample once, field by field, into a fresh frozen object,
 * and checks that copy. What was checked is what is kept: a getter that
 * answers a finite volume now and NaN later is read once, and its later
 * answers never matter. Fields beyond the Sample's are left behind, and a
 * volume of -0 becomes 0 (JSON and SQLite's REAL columns cannot keep the
 * sign, so every driver stores 0). A value that throws when read is a
 * problem, never a throw.
 */
export function readSample(value: unknown): SampleRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: ['sample: must be an object'] };
  }
  let copy: Sample;
  try {
    const s = value as Sample;
    const volume = s.volume;
    copy = Object.freeze({
      meter: s.meter,
      type: s.type,
      unit: s.unit,
      // -0 is stored as 0 by every driver: JSON and SQLite's REAL columns cannot keep the sign.
      volume: volume === 0 ? 0 : volume,
      resourceId: s.resourceId,
      projectId: s.projectId,
      timestamp: s.timestamp,
      source: s.source,
    });
  } catch (thrown) {
    const why = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, problems: [`sample: reading it threw: ${why.slice(0, 200)}`] };
  }
  const problems = sampleProblems(copy);
  return problems.length === 0 ? { ok: true, sample: copy } : { ok: false, problems };
}

/** A sample of a batch that was not kept, by its place in the batch. */
export interface RefusedSample {
  readonly index: number;
  readonly problems: readonly string[];
}

/**
 * A batch read sample by sample: the valid ones (as copies, see `readSample`)
 * and the refused ones by index. A storage driver stores `samples` and
 * reports `refused`, so a bad sample never costs the good ones.
 */
export function readSamples(batch: readonly unknown[]): {
  samples: Sample[];
  refused: RefusedSample[];
} {
  if (!Array.isArray(batch)) {
    return { samples: [], refused: [{ index: -1, problems: ['batch: must be an array'] }] };
  }
  const samples: Sample[] = [];
  const refused: RefusedSample[] = [];
  batch.forEach((value, index) => {
    const read = readSample(value);
    if (read.ok) samples.push(read.sample);
    else refused.push({ index, problems: read.problems });
  });
  return { samples, refused };
}

/**
 * Thrown by a storage driver for a batch holding invalid samples, after it
 * stored the valid ones (`stored` of them). `refused` names every invalid
 * sample by its index; `index` and `problems` are the first one's.
 */
export class InvalidSampleError extends Error {
  readonly index: number;
  readonly problems: readonly string[];
  readonly refused: readonly RefusedSample[];
  /** Valid samples of the same batch that were stored. */
  readonly stored: number;
  constructor(refused: readonly RefusedSample[], stored = 0) {
    const [first = { index: -1, problems: ['batch: no sample named'] }] = refused;
    const more = refused.length > 1 ? ` (and ${refused.length - 1} more invalid)` : '';
    const kept = stored > 0 ? ` (${stored} valid samples of the batch were stored)` : '';
    super(`sample #${first.index} is invalid: ${first.problems.join('; ')}${more}${kept}`);
    this.name = 'InvalidSampleError';
    this.index = first.index;
    this.problems = first.problems;
    this.refused = refused;
    this.stored = stored;
  }
}

/** Throws InvalidSampleError naming every invalid sample of a batch. */
export function assertSamples(samples: readonly unknown[]): asserts samples is readonly Sample[] {
  const { refused } = readSamples(samples);
  if (refused.length > 0) throw new InvalidSampleError(refused);
}
