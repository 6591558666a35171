/**
 * Calling one plugin: the one place where a run of the iterator hands control
 * to a plugin's code. Every mode (map, first, pipeline, parallel) calls its
 * plugins through `callOne`, so whatever a host wants to see around each call
 * (a trace, a timer) has one place to hook.
 *
 * Sync stays sync: `callOne` returns the plugin's answer as it is, and only an
 * answer that is a promise (any thenable) is awaited, through `waitFor`. What
 * the plugin throws, rejects with, or a time limit that runs out, is the
 * mode's loop to catch: it hands it to the error policy (`contain`, in
 * error-policy.ts), which blames the plugin.
 */
import type { Extension } from '@plugin-patterns/loader';
import { callPlugin } from '@plugin-patterns/loader/invocation';
import { callChannel, traced } from '@plugin-patterns/loader/tracing';
import type { RunPolicy } from './error-policy.ts';

/**
 * Calls `call` on one plugin (`object`, the plan's copy of `extension.object`)
 * and returns its answer, promise or not.
 */
export function callOne<T>(
  extension: Extension<T>,
  object: T,
  call: (plugin: T) => unknown,
): unknown {
  return (callChannel.hasSubscribers ? traced('iterator', extension, call) : call)(object);
}

/**
 * What to await for a promised answer: the answer itself, as a hand-written
 * loop would await it, or, under a time limit, the loader's call guard's
 * promise, which races it against the clock and blames the plugin that hung.
 */
export function waitFor<T>(
  extension: Extension<T>,
  answer: PromiseLike<unknown>,
  policy: RunPolicy,
): PromiseLike<unknown> {
  if (policy.guard.timeoutMs === undefined) return answer;
  return callPlugin(extension, () => answer, policy.guard);
}
