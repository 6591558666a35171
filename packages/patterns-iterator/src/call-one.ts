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
 * Whether anyone listens to plugin calls on the loader's call channel. A run
 * asks once, before its first call, and hands the answer to each `callOne`:
 * the question reads five channels (a tracing channel's start, end,
 * asyncStart, asyncEnd and error), and asked per plugin it cost about 7
 * instructions a plugin (2,899 instructions a run of ten trivial plugins
 * against 2,829 asked once, by callgrind). A listener that subscribes during
 * a run sees the calls of the runs that start after it.
 */
export function callsTraced(): boolean {
  return callChannel.hasSubscribers;
}

/**
 * Calls `call` on one plugin (`object`, the plan's copy of `extension.object`)
 * and returns its answer, promise or not. `tracing` is the run's answer to
 * `callsTraced()`; left out, it is asked here.
 */
export function callOne<T>(
  extension: Extension<T>,
  object: T,
  call: (plugin: T) => unknown,
  tracing: boolean = callsTraced(),
): unknown {
  return tracing ? traced('iterator', extension, call)(object) : call(object);
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
