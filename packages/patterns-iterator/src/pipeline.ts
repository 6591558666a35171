/**
 * Pipeline: pass one value through every plugin in turn, each receiving what
 * the previous one returned (tapable's waterfall; a chain of filters or
 * transforms, such as publishers that enrich a sample before it is stored).
 *
 * The answer always replaces the value, `undefined` included: a plugin that
 * only looks returns what it was given. A plugin that fails is skipped and
 * the value goes on unchanged to the next one (with `onError: 'collect'`),
 * so one broken transform costs its own step, not the whole chain.
 */
import type { Extension, PluginError } from '@plugin-patterns/loader';
import { atWorkNote, callEnded, isThenable } from '@plugin-patterns/loader/invocation';
import { callOne, callsTraced, waitFor } from './call-one.ts';
import { checkEmpty, contain, type RunPolicy } from './error-policy.ts';
import type { Plan } from './plan.ts';

/** One step: receives the current value, returns the next (or a promise of it). */
export type PipelineStep<T, V, R> = (plugin: T, value: V) => R;

export interface PipelineResult<T, V> {
  /** The value after the last plugin. */
  readonly value: V;
  /** The plugins whose answer became the value, in order. */
  readonly from: Extension<T>[];
  /** Plugins whose step failed and was skipped. */
  readonly failures: PluginError[];
}

/** A pipeline run while it goes along. */
interface Carried<T, V> {
  value: V;
  from: Extension<T>[];
  failures: PluginError[];
}

/** Passes `initial` through every plugin of `plan` in order. */
export function runPipeline<T, V>(
  plan: Plan<T>,
  initial: V,
  step: PipelineStep<T, V, unknown>,
  policy: RunPolicy,
): PipelineResult<T, V> | Promise<PipelineResult<T, V>> {
  const { extensions, objects } = plan;
  const tracing = callsTraced();
  if (extensions.length === 0) checkEmpty(policy);
  const run: Carried<T, V> = { value: initial, from: [], failures: [] };
  const call = (plugin: T) => step(plugin, run.value);
  // The plugin at work, named should it call process.exit() (as in map.ts).
  const atWork = atWorkNote();
  const before = atWork.plugin;
  try {
    for (let i = 0; i < extensions.length; i++) {
      const extension = extensions[i] as Extension<T>;
      // The method too, each time: a call the plugin made in between (a
      // guarded call, another run) ended by clearing it.
      atWork.plugin = extension;
      atWork.method = policy.guard.method;
      try {
        const answer = callOne(extension, objects[i] as T, call, tracing);
        if (isThenable(answer)) {
          return pipelineRest(plan, call, policy, run, i, answer);
        }
        run.value = answer as V;
        run.from.push(extension);
      } catch (thrown) {
        contain(extension, thrown, run.failures, policy);
      }
    }
  } finally {
    callEnded(before);
  }
  return run;
}

/** The rest of a run once plugin `start` answered with a promise. */
async function pipelineRest<T, V>(
  plan: Plan<T>,
  call: (plugin: T) => unknown,
  policy: RunPolicy,
  run: Carried<T, V>,
  start: number,
  pending: PromiseLike<unknown>,
): Promise<PipelineResult<T, V>> {
  const { extensions, objects } = plan;
  const tracing = callsTraced();
  // Noted, and cleared while the run waits and at its end, as in mapRest (map.ts).
  const atWork = atWorkNote();
  try {
    for (let i = start; i < extensions.length; i++) {
      const extension = extensions[i] as Extension<T>;
      atWork.plugin = extension;
      atWork.method = policy.guard.method;
      try {
        let answer = i === start ? pending : callOne(extension, objects[i] as T, call, tracing);
        if (i === start || isThenable(answer)) {
          atWork.plugin = undefined;
          answer = await waitFor(extension, answer as PromiseLike<unknown>, policy);
        }
        run.value = answer as V;
        run.from.push(extension);
      } catch (thrown) {
        contain(extension, thrown, run.failures, policy);
      }
    }
  } finally {
    callEnded(undefined);
  }
  return run;
}
