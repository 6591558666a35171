import { describe, expect, expectTypeOf, it } from 'vitest';
import { PluginResultError } from '../errors/kinds.ts';
import { checkResult } from './check-result.ts';
import { catchSync, ext } from './test-calls.ts';

describe('checkResult', () => {
  const isNumbers = (v: unknown): v is number[] =>
    Array.isArray(v) && v.every((n) => typeof n === 'number');

  it('returns a value of the right shape, typed', () => {
    const value = checkResult(ext({}), [1, 2], isNumbers, 'an array of numbers');
    expectTypeOf(value).toEqualTypeOf<number[]>();
    expect(value).toEqual([1, 2]);
  });

  it('blames the plugin for a wrong shape, with what was expected and what came', () => {
    const extension = ext({});
    const error = catchSync(() =>
      checkResult(extension, 'soon', isNumbers, 'an array of numbers', { method: 'poll' }),
    );
    expect(error).toBeInstanceOf(PluginResultError);
    expect(error?.message).toBe(
      '[meter.pollster:cpu] (invocation) returned an unusable result: expected an array of numbers from poll(), got a string "soon"',
    );
    expect(extension.lastError).toBe(error);
  });

  it('adds the detail a check returns as a string', () => {
    const error = catchSync(() =>
      checkResult(
        ext({}),
        [],
        (v) => (Array.isArray(v) && v.length > 0) || 'it is empty',
        'samples',
      ),
    );
    expect(error?.message).toContain('expected samples, got an array of 0 (it is empty)');
  });
});
