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
 * Beside it, the rule both halves share, exported for the pattern packages:
 * `callFailed` (what a plugin threw or rejected with, as a recorded
 * PluginCallError). Which limits a timer can keep is shared/time-limit.ts.
 */
import { PluginCallError, PluginTimeoutError } from '../errors/kinds.ts';
import type { PluginError } from '../errors/plugin-error.ts';
import type { Extension } from '../extension/extension.ts';

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
 *
 * An error that is already this plugin's recorded `lastError` is passed on as
 * it is: an isolated plugin's stand-in (`@plugin-patterns/isolation`) types
 * and records its own failures (a time limit, a crashed worker), and wrapping
 * them again would name the plugin twice and record the failure twice.
 */
export function callFailed(
  extension: Extension<unknown>,
  thrown: unknown,
  method: string | undefined,
): PluginError {
  if (thrown !== undefined && thrown === extension.lastError) return extension.lastError;
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
