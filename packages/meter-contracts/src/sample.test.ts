import { describe, expect, it } from 'vitest';
import {
  assertSamples,
  InvalidSampleError,
  isSample,
  readSample,
  readSamples,
  type Sample,
  sampleProblems,
} from './sample.ts';

const valid: Sample = {
  meter: 'cpu.util',
  type: 'gauge',
  unit: '%',
  volume: 12.5,
  resourceId: 'host-a',
  projectId: null,
  timestamp: '2026-11-26T10:00:00.000Z',
  source: 'pollster:cpu',
};

describe('sampleProblems', () => {
  it('finds nothing wrong with a valid sample', () => {
    expect(sampleProblems(valid)).toEqual([]);
    expect(isSample({ ...valid, projectId: 'project-1' })).toBe(true);
  });

  it('names every bad field at once', () => {
    expect(
      sampleProblems({ ...valid, meter: '', volume: Number.NaN, timestamp: '2026-11-26' }),
    ).toEqual([
      'meter: must be a non-empty string',
      'volume: must be a finite number',
      'timestamp: must be an ISO 8601 UTC date-time',
    ]);
  });

  it('refuses a timestamp with an offset instead of Z, and an impossible date', () => {
    expect(isSample({ ...valid, timestamp: '2026-11-26T10:00:00+01:00' })).toBe(false);
    expect(isSample({ ...valid, timestamp: '2026-13-45T10:00:00Z' })).toBe(false);
  });

  it('refuses what is not an object', () => {
    expect(sampleProblems([valid])).toEqual(['sample: must be an object']);
    expect(sampleProblems(null)).toEqual(['sample: must be an object']);
  });
});

describe('assertSamples', () => {
  it('names the first invalid sample of a batch by its index', () => {
    let error: unknown;
    try {
      assertSamples([valid, { ...valid, type: 'counter' }]);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidSampleError);
    expect(error).toMatchObject({
      index: 1,
      message: 'sample #1 is invalid: type: must be one of gauge, cumulative, delta',
    });
  });

  it('accepts an empty batch and refuses a batch that is not an array', () => {
    expect(() => assertSamples([])).not.toThrow();
    expect(() => assertSamples({} as unknown as Sample[])).toThrow('batch: must be an array');
  });
});

/** A sample whose volume is finite when first read and NaN after: a check and a later read disagree. */
function twoFaced(): Sample {
  let reads = 0;
  return {
    ...valid,
    get volume() {
      reads += 1;
      return reads === 1 ? 7 : Number.NaN;
    },
  };
}

describe('readSample: the copy is what is checked, and what travels on', () => {
  it('reads each field once into a fresh, frozen plain sample', () => {
    const read = readSample(twoFaced());
    if (!read.ok) throw new Error(read.problems.join('; '));
    expect(read.sample.volume).toBe(7);
    expect(read.sample.volume).toBe(7);
    expect(Object.isFrozen(read.sample)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(read.sample, 'volume')).toHaveProperty('value', 7);
  });

  it('drops what a plugin attached beyond the Sample fields', () => {
    const read = readSample({ ...valid, extra: 'kept?' });
    expect(read.ok && Object.keys(read.sample)).not.toContain('extra');
  });

  it('turns a getter that throws into a problem, not a throw', () => {
    const hostile = Object.defineProperty({ ...valid }, 'meter', {
      get() {
        throw new Error('no meter for you');
      },
    });
    expect(readSample(hostile)).toEqual({
      ok: false,
      problems: ['sample: reading it threw: no meter for you'],
    });
  });
});

describe('readSamples: a bad sample never costs the good ones', () => {
  it('keeps every valid sample, and names each refused one by its index', () => {
    const { samples, refused } = readSamples([valid, { ...valid, volume: 'x' }, twoFaced()]);
    expect(samples.map((s) => s.volume)).toEqual([12.5, 7]);
    expect(refused).toEqual([{ index: 1, problems: ['volume: must be a finite number'] }]);
    const error = new InvalidSampleError(refused, samples.length);
    expect(error).toMatchObject({ index: 1, stored: 2 });
    expect(error.message).toBe(
      'sample #1 is invalid: volume: must be a finite number (2 valid samples of the batch were stored)',
    );
  });
});

describe('timestamps name real instants', () => {
  it('refuses a day the month does not have (Date.parse would roll 2026-02-30 over to March)', () => {
    expect(sampleProblems({ ...valid, timestamp: '2026-02-30T10:00:00Z' })).toEqual([
      'timestamp: must be an ISO 8601 UTC date-time',
    ]);
    expect(isSample({ ...valid, timestamp: '2024-02-29T10:00:00Z' })).toBe(true);
    expect(isSample({ ...valid, timestamp: '2026-04-31T00:00:00Z' })).toBe(false);
    expect(isSample({ ...valid, timestamp: '2026-01-01T24:00:00Z' })).toBe(false);
  });
});
