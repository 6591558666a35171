/**
 * Which time limits a timer can keep: checked for the loader's load timeout,
 * the call guard's timeout and the pattern packages' own limits (run
 * timeouts, poll intervals), before any plugin runs under them.
 */

/**
 * The longest delay `setTimeout` keeps (about 24.8 days). Node turns a longer
 * one, Infinity included, into 1 ms: a generous limit would fail every plugin
 * at once.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Refuses a time limit no timer can keep, before any plugin runs under it,
 * naming the option. Exported so that the pattern packages hold their own
 * limits (run timeouts, poll intervals) to the same rule and message.
 */
export function checkTimeLimit(option: string, ms: number): void {
  if (!(ms > 0 && ms <= MAX_TIMER_MS)) {
    throw new RangeError(
      `${option} must be a positive number of milliseconds, at most ${MAX_TIMER_MS}, not ${ms}`,
    );
  }
}
