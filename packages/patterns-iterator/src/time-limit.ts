/**
 * The rule every time limit of this package is held to: a positive number of
 * milliseconds that a timer can actually keep. `setTimeout` keeps at most
 * 2^31-1 ms (about 24.8 days); Node turns a longer delay, Infinity included,
 * into 1 ms, so a generous limit would time out every plugin at once, and a
 * poller would cycle without pause.
 *
 * The loader refuses its own limits by the same rule (its `checkTimeLimit`,
 * which it does not export). Options are checked when they are given, once,
 * never per plugin call.
 */

/** The longest delay `setTimeout` keeps. */
export const MAX_TIMER_MS: number = 2 ** 31 - 1;

/** Refuses a time limit no timer can keep, naming the option; returns it otherwise. */
export function checkTimeLimit(option: string, ms: number): number {
  // Written so that NaN fails too: every comparison with NaN is false.
  if (!(ms > 0 && ms <= MAX_TIMER_MS)) {
    throw new RangeError(
      `${option} must be a positive number of milliseconds, at most ${MAX_TIMER_MS}, not ${ms}`,
    );
  }
  return ms;
}
