import type { Sample } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { samplesAdded, totalsOf } from './meter-totals.ts';

function sample(meter: string, volume: number, source = 'pollster:cpu'): Sample {
  return {
    meter,
    type: 'gauge',
    unit: 'x',
    volume,
    resourceId: 'r',
    projectId: null,
    timestamp: '2026-01-01T00:00:00.000Z',
    source,
  };
}

describe('totalsOf', () => {
  it('counts and sums per meter, sorted, with the origin of each meter', () => {
    expect(
      totalsOf([sample('vcpus', 2, 'notification:compute'), sample('cpu', 1), sample('cpu', 2.5)]),
    ).toEqual([
      { meter: 'cpu', origin: 'pollster', unit: 'x', count: 2, sum: 3.5 },
      { meter: 'vcpus', origin: 'notification', unit: 'x', count: 1, sum: 2 },
    ]);
  });

  it('names every unit of a meter whose samples disagree on it', () => {
    const bytes = { ...sample('m', 1), unit: 'B' };
    expect(totalsOf([bytes, sample('m', 2)])[0]?.unit).toBe('B + x');
  });

  it('gives the same sum whatever order the samples come in', () => {
    const volumes = [0.1, 0.2, 0.3, 1e16, -1e16, 0.7];
    const forward = totalsOf(volumes.map((v) => sample('m', v)))[0]?.sum;
    const backward = totalsOf([...volumes].reverse().map((v) => sample('m', v)))[0]?.sum;
    expect(forward).toBe(backward);
  });
});

describe('samplesAdded', () => {
  it('keeps only what was not there before, counting duplicates', () => {
    const a = sample('m', 1);
    const b = sample('m', 2);
    expect(samplesAdded([a, b], [a, b, a, sample('m', 3)])).toEqual([a, sample('m', 3)]);
  });
});
