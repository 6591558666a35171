import { describe, expect, it } from 'vitest';
import { checkTimeLimit, MAX_TIMER_MS } from './time-limit.ts';

describe('checkTimeLimit', () => {
  it('accepts a positive limit up to the longest delay a timer keeps', () => {
    expect(MAX_TIMER_MS).toBe(2147483647);
    for (const ms of [0.5, 1, 60_000, MAX_TIMER_MS]) {
      expect(checkTimeLimit('timeoutMs', ms)).toBe(ms);
    }
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, MAX_TIMER_MS + 1, 2 ** 40])(
    'refuses %d with a RangeError naming the option',
    (ms) => {
      expect(() => checkTimeLimit('intervalMs', ms)).toThrow(RangeError);
      expect(() => checkTimeLimit('intervalMs', ms)).toThrow(
        `intervalMs must be a positive number of milliseconds, at most ${MAX_TIMER_MS}, not ${ms}`,
      );
    },
  );
});
