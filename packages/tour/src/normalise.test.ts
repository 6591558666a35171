import { describe, expect, it } from 'vitest';
import { normaliseTour } from './normalise.ts';
import type { TourResult } from './tour-result.ts';

const totals = [
  { meter: 'cpu.util', origin: 'pollster', count: 3, sum: 41.5 },
  { meter: 'vcpus', origin: 'notification', count: 199, sum: 466 },
] as const;

const result = {
  storage: { url: 'memory:', driver: 'memory', file: undefined },
  discovered: [],
  endToEnd: { readBack: totals, writtenTotals: totals },
  stages: {
    discovery: [{ approach: 'file list', found: ['cpu'], problems: [], ms: 0.42, note: '' }],
  },
} as unknown as TourResult;

describe('normaliseTour', () => {
  it('masks timings and the sums of pollster meters', () => {
    const masked = normaliseTour(result);
    expect(masked.stages.discovery[0]?.ms).toBe(0);
    expect(masked.endToEnd.readBack[0]).toEqual({
      meter: 'cpu.util',
      origin: 'pollster',
      count: 3,
      sum: 0,
    });
  });

  it('keeps everything else, notification sums and counts included', () => {
    const masked = normaliseTour(result);
    expect(masked.endToEnd.writtenTotals[1]).toEqual(totals[1]);
    expect(masked.stages.discovery[0]?.found).toEqual(['cpu']);
    expect(masked.storage).toEqual(result.storage);
  });

  it('does not change the result it is given', () => {
    normaliseTour(result);
    expect(result.stages.discovery[0]?.ms).toBe(0.42);
  });
});
