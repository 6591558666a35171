import { describe, expect, it } from 'vitest';
import { checkRestartPolicy, decideRestart } from './restart-policy.ts';

describe('decideRestart', () => {
  it('never restarts under never', () => {
    expect(decideRestart('never', 0, 0)).toEqual({
      restart: false,
      reason: 'the restart policy is never',
    });
  });

  it('restarts at once, without a bound, on the next call', () => {
    expect(decideRestart('on-next-call', 1000, 0)).toEqual({
      restart: true,
      waitMs: 0,
      of: undefined,
    });
  });

  it('doubles the wait from backoffMs, up to maxBackoffMs, less the time already passed', () => {
    const policy = { backoffMs: 100, maxBackoffMs: 300, maxRestarts: 5 };
    expect(decideRestart(policy, 0, 0)).toMatchObject({ restart: true, waitMs: 100, of: 5 });
    expect(decideRestart(policy, 1, 0)).toMatchObject({ waitMs: 200 });
    expect(decideRestart(policy, 2, 0)).toMatchObject({ waitMs: 300 });
    expect(decideRestart(policy, 1, 150)).toMatchObject({ waitMs: 50 });
    expect(decideRestart(policy, 1, 500)).toMatchObject({ waitMs: 0 });
  });

  it('stops after maxRestarts', () => {
    expect(decideRestart({ backoffMs: 10, maxRestarts: 2 }, 2, 0)).toEqual({
      restart: false,
      reason: 'it was restarted 2 times, the most its policy allows',
    });
  });
});

describe('checkRestartPolicy', () => {
  it('refuses a backoff no timer can keep and a restart count that is not a whole number', () => {
    expect(() => checkRestartPolicy({ backoffMs: -1, maxRestarts: 1 })).toThrow(
      /restart\.backoffMs must be a positive number/,
    );
    expect(() => checkRestartPolicy({ backoffMs: 10, maxRestarts: 1.5 })).toThrow(
      'restart.maxRestarts must be a whole number, 0 or more, not 1.5',
    );
    expect(() => checkRestartPolicy({ backoffMs: 10, maxRestarts: 0 })).not.toThrow();
  });
});
