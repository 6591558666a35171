import { describe, expect, it } from 'vitest';
import type { Benchmark, RowSpec } from '../benchmark.ts';
import { overBy, rowResults, verdictOf } from './results.ts';

const valueTarget: RowSpec = {
  id: 'v',
  label: 'value-bound',
  unit: 'ms',
  baseline: 'floor',
  target: { on: 'value', max: 2, text: '≤2 ms' },
  ifMissed: 'the cause',
};
const ratioTarget: RowSpec = {
  ...valueTarget,
  id: 'r',
  target: { on: 'ratio', max: 1.1, text: '≤1.1x' },
};
const context: RowSpec = { ...valueTarget, id: 'c', target: undefined };
const measured = (value: number, ratio: number) => ({ value, baseline: 1, ratio, samples: 3 });

describe('verdictOf', () => {
  it('bounds the value or the ratio, as the target says', () => {
    expect(verdictOf(valueTarget, measured(2, 9))).toBe('met');
    expect(verdictOf(valueTarget, measured(2.01, 0.5))).toBe('missed');
    expect(verdictOf(ratioTarget, measured(99, 1.1))).toBe('met');
    expect(verdictOf(ratioTarget, measured(0.1, 1.11))).toBe('missed');
  });

  it('gives a row without a target no verdict of its own', () => {
    expect(verdictOf(context, measured(99, 99))).toBe('context');
  });
});

describe('rowResults', () => {
  const benchmark = { id: 'b', rows: [valueTarget, context] } as unknown as Benchmark;

  it('joins each declared row with its figures, and the cause only to a miss', () => {
    const [missed, ctx] = rowResults(benchmark, { v: measured(4, 4), c: measured(1, 1) });
    expect(missed).toMatchObject({
      verdict: 'missed',
      cause: 'the cause',
      baseline: { label: 'floor', value: 1 },
    });
    expect(overBy(missed as never)).toBe(2);
    expect(ctx).toMatchObject({ verdict: 'context', target: null });
    expect(ctx).not.toHaveProperty('cause');
  });

  it('refuses a run that left out a declared row, or measured nonsense', () => {
    expect(() => rowResults(benchmark, { v: measured(1, 1) })).toThrow(/did not measure c/);
    expect(() => rowResults(benchmark, { v: measured(Number.NaN, 1), c: measured(1, 1) })).toThrow(
      /value is NaN/,
    );
  });
});
