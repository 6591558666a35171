import { describe, expect, it } from 'vitest';
import { readSampleLines } from './jsonl-lines.ts';
import { sample } from './test-samples.ts';

const line = (at: number) => JSON.stringify(sample(at));

describe('readSampleLines', () => {
  it('reads every complete line and ignores blank ones', () => {
    const { samples, skipped } = readSampleLines(`${line(1)}\n\n${line(2)}\n`, 'f');
    expect(samples).toEqual([sample(1), sample(2)]);
    expect(skipped).toEqual([]);
  });

  it('skips a line that is JSON but not a sample, saying why', () => {
    const { samples, skipped } = readSampleLines(`{"meter":"x"}\n${line(1)}\n`, 'f');
    expect(samples).toEqual([sample(1)]);
    expect(skipped[0]?.line).toBe(1);
    expect(skipped[0]?.reason).toMatch(
      /^it is not a valid sample \(unit: must be a non-empty string; /,
    );
  });

  it('marks only a cut-short last line as torn', () => {
    const { skipped } = readSampleLines(`not json\n${line(1)}\n${line(2).slice(0, 20)}`, 'f');
    expect(skipped.map((s) => [s.line, s.torn])).toEqual([
      [1, false],
      [3, true],
    ]);
  });
});
