/**
 * The async half of the call guard: what happens once a plugin has answered
 * with a promise (or any thenable). A rejection becomes a PluginCallError
 * recorded on the plugin's extension, like a synchronous throw; with a time
 * limit, a promise that does not settle in time becomes a PluginTimeoutError.
 *
 * The timer starts when the plugin's promise arrives, so a hang is blamed on
 * the plugin that hung, never on the next one in line. Nothing can cancel
 * someone else's promise: a late answer is simply ignored.
 *
 * Beside it, the two rules both halves share, exported for the pattern
 * packages: `checkTimeLimit` (which limits a timer can keep) and `callFailed`
 * (what a plugin threw or rejected with, as a recorded PluginCallError).
 */
import { PluginCallError, PluginTimeoutError } from '../errors/kinds.ts';
import type { Extension } from '../extension/extension.ts';

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

/** Follows a promised answer: maps a rejection, and enforces the time limit. */
export function settle(
  extension: Extension<unknown>,
  answer: PromiseLike<unknown>,
  method: string | undefined,
  timeoutMs: number | undefined,
): Promise<unknown> {
  // Promise.resolve adopts any thenable, and turns a `then` that throws into a rejection.
  const adopted = Promise.resolve(answer);
  if (timeoutMs === undefined) {
    return adopted.then(undefined, (thrown: unknown) => {
      throw callFailed(extension, thrown, method);
    });
  }
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      const error = new PluginTimeoutError(timeoutMs, who(extension, method));
      extension.fail(error);
      reject(error);
    }, timeoutMs);
    // Not unref()'d: while the host awaits this call, the timer may be the only
    // work left in the event loop (the hung plugin holds nothing), and Node
    // would exit before the host heard which plugin hung. It holds the process
    // open for at most `timeoutMs`, and is cleared as soon as the plugin settles.
    adopted.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (thrown: unknown) => {
        clearTimeout(timer);
        // A plugin that rejects after its time is up was already blamed once.
        if (!timedOut) reject(callFailed(extension, thrown, method));
      },
    );
  });
}

/**
 * Wraps whatever a plugin threw (or rejected with) in a PluginCallError naming
 * it, and the method when given, and records it on its extension, which stays
 * enabled: one bad call is not a broken plugin. Exported so that a pattern
 * package guarding a call inline, for speed, blames the plugin in the very
 * same words as the loader's guard.
 */
export function callFailed(
  extension: Extension<unknown>,
  thrown: unknown,
  method: string | undefined,
): PluginCallError {
  const error = new PluginCallError({ ...who(extension, method), cause: thrown });
  extension.fail(error);
  return error;
}

function who(
  extension: Extension<unknown>,
  method: string | undefined,
): { namespace: string; name: string; method?: string } {
  const context = { namespace: extension.namespace, name: extension.name };
  return method === undefined ? context : { ...context, method };
}
