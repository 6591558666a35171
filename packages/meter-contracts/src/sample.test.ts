import { describe, expect, it } from 'vitest';
import {
  assertSamples,
  InvalidSampleError,
  isSample,
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
