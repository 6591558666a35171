/**
 * Wrappers: around-advice for a whole run (pluggy's hook wrappers). A wrapper
 * runs code before the plugins are called and after, sees the run's result or
 * its error, and decides what the host gets:
 *
 *     const timing: Wrapper = {
 *       wrap(run) {
 *         const started = Date.now();
 *         try {
 *           return run();             // the inner wrappers, then the plugins
 *         } finally {
 *           log(`${Date.now() - started} ms`);
 *         }
 *       },
 *     };
 *
 * Wrappers are plugins of a set of their own, handed to a manager as its
 * `wrappers` option, ordered by the same rules as any plugins (`order`
 * declarations, a names list): the first in that order is the outermost.
 *
 * - Return `run()`'s result to pass it on, or anything else to replace it.
 * - Catch what `run()` throws (a raised failure, `onEmpty: 'error'`) to turn
 *   it into a result, or throw another error: that is the wrapper's answer,
 *   and the host gets it as a PluginCallError naming the wrapper (`cause`:
 *   what it threw), recorded on the wrapper's record. Letting `run()`'s own
 *   error pass unchanged blames no wrapper.
 * - A wrapper that fails before it calls `run()` has wrapped nothing: that is
 *   its own failure, contained like any plugin's (recorded on its record; the
 *   run goes on without it; thrown under `onError: 'raise'`).
 *
 * Async runs are the same: `run()` then gives a promise, which an `async wrap`
 * awaits; rejections are told apart as throws are. `run()` runs the plugins
 * once, however often a wrapper calls it.
 */
import type { Extension } from '@plugin-patterns/loader';
import { callEnded, callFailed, callStarted, isThenable } from '@plugin-patterns/loader/invocation';
import { callOne } from './call-one.ts';
import { contain, type RunPolicy } from './error-policy.ts';
import type { Plan } from './plan.ts';

/** What a wrapper is told about the run it wraps. */
export interface WrappedRun {
  readonly namespace: string;
  readonly mode: 'map' | 'first' | 'pipeline' | 'parallel';
}

/** A plugin that wraps every run of a manager. */
export interface Wrapper {
  wrap(run: () => unknown, about: WrappedRun): unknown;
}

/** Runs `inner` inside every wrapper of `wrappers`, the first outermost. */
export function runWrapped<Out>(
  wrappers: Plan<Wrapper>,
  inner: () => Out,
  policy: RunPolicy,
  about: WrappedRun,
): Out {
  let run: () => unknown = inner;
  for (let i = wrappers.extensions.length - 1; i >= 0; i--) {
    const extension = wrappers.extensions[i] as Extension<Wrapper>;
    run = wrapOne(extension, wrappers.objects[i] as Wrapper, run, policy, about);
  }
  return run() as Out;
}

/** `inner`, as one wrapper sees it. */
function wrapOne(
  extension: Extension<Wrapper>,
  wrapper: Wrapper,
  inner: () => unknown,
  policy: RunPolicy,
  about: WrappedRun,
): () => unknown {
  return () => {
    let ran = false;
    let outcome: { value: unknown } | { error: unknown } = { value: undefined };
    let innerRejection: { reason: unknown } | undefined;
    // The run the wrapper sees: once only, its outcome remembered.
    const run = (): unknown => {
      if (!ran) {
        ran = true;
        try {
          outcome = { value: settled(inner()) };
        } catch (error) {
          outcome = { error };
        }
      }
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    };
    // An async run's rejection, noted so that passing it on blames no wrapper.
    const settled = (value: unknown): unknown =>
      isThenable(value)
        ? Promise.resolve(value).then(undefined, (reason: unknown) => {
            innerRejection = { reason };
            throw reason;
          })
        : value;
    const afterThrow = (thrown: unknown): unknown => {
      if (!ran) {
        // Its own failure: it wrapped nothing. Contained, and the run goes on.
        contain(extension, thrown, [], { ...policy, guard: { ...policy.guard, method: 'wrap' } });
        return run();
      }
      const passedOn =
        ('error' in outcome && thrown === outcome.error) ||
        (innerRejection !== undefined && thrown === innerRejection.reason);
      if (passedOn) throw thrown;
      throw callFailed(extension, thrown, 'wrap');
    };

    let answer: unknown;
    // The wrapper at work, named should it call process.exit(), as the runs
    // note their plugins (the run it wraps notes its own, then gives it back).
    const previous = callStarted(extension, 'wrap');
    try {
      answer = callOne(extension, wrapper, (w) => w.wrap(run, about));
      if (!isThenable(answer)) return answer;
    } catch (thrown) {
      return afterThrow(thrown);
    } finally {
      callEnded(previous);
    }
    return Promise.resolve(answer).then(undefined, afterThrow);
  };
}
