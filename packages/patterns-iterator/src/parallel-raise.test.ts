/**
 * parallel under `onError: 'raise'`: once one call has failed, no worker
 * starts another, however many workers there are; and a bad concurrency
 * limit is refused with a message that says what is allowed.
 */
import { describe, expect, it, vi } from 'vitest';
import { managerOf } from './test-plugins.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();

describe('parallel: raise with several workers', () => {
  it('starts no call after the first failure, in any worker', async () => {
    const later = vi.fn(() => 'later');
    const manager = managerOf<Fn>({
      a: () => {
        throw new Error('first');
      },
      b: later,
      c: later,
    });
    await expect(manager.parallel(call, { onError: 'raise', concurrency: 2 })).rejects.toThrow(
      'first',
    );
    expect(later).not.toHaveBeenCalled();
  });
});

describe('parallel: the concurrency limit', () => {
  it('refuses 0 and fractions, naming the value and what is allowed', async () => {
    const manager = managerOf<Fn>({ a: () => 'a' });
    for (const concurrency of [0, 1.5]) {
      await expect(manager.parallel(call, { concurrency })).rejects.toThrow(
        new RangeError(`concurrency must be a whole number ≥ 1 or Infinity, not ${concurrency}`),
      );
    }
  });
});
