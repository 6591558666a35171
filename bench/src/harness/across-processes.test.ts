import { describe, expect, it } from 'vitest';
import type { Measured } from '../benchmark.ts';
import { acrossProcesses } from './across-processes.ts';

const row = (ratio: number, extra: Partial<Measured> = {}): Measured => ({
  value: ratio * 100,
  baseline: 100,
  ratio,
  samples: 301,
  ...extra,
});

describe('acrossProcesses', () => {
  it('takes each row from the process with the median ratio, keeping its own figures', () => {
    const runs = [1.25, 1.05, 1.12].map((r) => ({ call: row(r), other: row(2 - r) }));
    const rows = acrossProcesses(runs);
    expect(rows.call).toMatchObject({ baseline: 100, ratio: 1.12, samples: 301 });
    expect(rows.call?.value).toBeCloseTo(112);
    expect(rows.call?.detail).toBe('the median of 3 processes (ratios 1.25x, 1.05x, 1.12x)');
    // Rows are chosen one by one: another row may come from another process.
    expect(rows.other?.ratio).toBeCloseTo(0.88);
  });

  it('takes the lower middle of an even count, and the largest for a worst-case row', () => {
    const runs = [1.4, 1.1, 1.3, 1.2].map((r) => ({
      call: row(r),
      count: row(r, { aggregate: 'max', detail: 'counted in each child' }),
    }));
    const rows = acrossProcesses(runs);
    expect(rows.call?.ratio).toBe(1.2);
    expect(rows.count?.ratio).toBe(1.4);
    expect(rows.count?.detail).toBe(
      'counted in each child; the largest of 4 processes (ratios 1.40x, 1.10x, 1.30x, 1.20x)',
    );
  });

  it('passes one process through unchanged, and refuses a process that missed a row', () => {
    expect(acrossProcesses([{ call: row(1.1) }])).toEqual({ call: row(1.1) });
    expect(() => acrossProcesses([{ call: row(1.1) }, {}])).toThrow(
      'a process did not measure call',
    );
    expect(() => acrossProcesses([])).toThrow('no process measured anything');
  });
});
