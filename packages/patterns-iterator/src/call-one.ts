/**
 * Calling one plugin: the one place where a run of the iterator hands control
 * to a plugin's code. Every mode (map, first, pipeline, parallel) calls its
 * plugins through `callOne`, so whatever a host wants to see around each call
 * (a trace, a timer) has one place to hook.
 *
 * A plugin's failure never leaves here raw. A throw, a `then` getter that
 * throws, a rejection and a time limit that runs out all come back as a
 * PluginError that names the plugin and is already recorded on its
 * extension, so a mode's loop only decides, through the error policy,
 * whether to collect it or raise it.
 *
 * Sync stays sync: `callOne` returns the plugin's answer as it is, and only an
 * answer that is a promise (any thenable) is awaited, by `settleOne`.
 */
import type { Extension } from '@plugin-patterns/loader';
import { callFailed, callPlugin, isThenable } from '@plugin-patterns/loader/invocation';
import { callChannel, traced } from '@plugin-patterns/loader/tracing';
import type { RunPolicy } from './error-policy.ts';

/**
 * Calls `call` on one plugin (`object`, the plan's copy of `extension.object`)
 * and returns its answer, promise or not. Throws its PluginCallError.
 */
export function callOne<T>(
  extension: Extension<T>,
  object: T,
  call: (plugin: T) => unknown,
  policy: RunPolicy,
): unknown {
  try {
    return (callChannel.hasSubscribers ? traced('iterator', extension, call) : call)(object);
  } catch (thrown) {
    throw callFailed(extension, thrown, policy.guard.method);
  }
}

/**
 * Whether an answer is a promise. Looking can run the plugin's code once more
 * (a `then` getter) or throw (a revoked proxy): that is the plugin's failure.
 */
export function isPromised<T>(
  extension: Extension<T>,
  answer: unknown,
  policy: RunPolicy,
): answer is PromiseLike<unknown> {
  try {
    return isThenable(answer);
  } catch (thrown) {
    throw callFailed(extension, thrown, policy.guard.method);
  }
}

/**
 * Waits for a promised answer. A rejection becomes the plugin's
 * PluginCallError; under a time limit, the loader's call guard races the
 * answer against the clock and blames this plugin if it does not settle.
 */
export async function settleOne<T>(
  extension: Extension<T>,
  answer: PromiseLike<unknown>,
  policy: RunPolicy,
): Promise<unknown> {
  if (policy.guard.timeoutMs !== undefined) {
    return callPlugin(extension, () => answer, policy.guard);
  }
  try {
    return await answer;
  } catch (thrown) {
    throw callFailed(extension, thrown, policy.guard.method);
  }
}
