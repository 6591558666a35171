import { describe, expect, it } from 'vitest';
import { median } from './stats.ts';

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ignores one-sided outliers, as a mean would not', () => {
    expect(median([10, 11, 10, 12, 500])).toBe(11);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});
