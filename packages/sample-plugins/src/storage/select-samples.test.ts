import { describe, expect, it } from 'vitest';
import { selectSamples, timeBounds } from './select-samples.ts';
import { sample } from './test-samples.ts';

describe('selectSamples ordering', () => {
  it('compares timestamps as instants, not as text', () => {
    // As text, "…:01Z" sorts after "…:01.500Z"; as instants it comes first.
    const whole = sample(1, { timestamp: '2026-11-26T10:00:01Z' });
    const half = sample(2, { timestamp: '2026-11-26T10:00:01.500Z' });
    expect(selectSamples([half, whole]).map((s) => s.volume)).toEqual([1, 2]);
  });

  it('keeps write order for equal instants', () => {
    const rows = [sample(5, { volume: 1 }), sample(5, { volume: 2 }), sample(5, { volume: 3 })];
    expect(selectSamples(rows).map((s) => s.volume)).toEqual([1, 2, 3]);
  });
});

describe('timeBounds', () => {
  it('is unbounded when no range is given', () => {
    expect(timeBounds({})).toEqual({ from: -Infinity, to: Infinity });
  });

  it('refuses a bound that is not a date', () => {
    expect(() => timeBounds({ from: 'last tuesday' })).toThrow(
      'query.from must be an ISO 8601 date-time, got "last tuesday"',
    );
  });
});
