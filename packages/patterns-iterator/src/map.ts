/**
 * Map: call every plugin and keep every answer (ceilometer asking each
 * pollster for its samples, a linter running every rule). Answers come back
 * in call order, each beside the extension that gave it, so a host can blame
 * or credit a plugin by name; failures are kept apart, one typed error each.
 *
 * The run is the loop a host would write, plus containment: call each plugin,
 * keep its answer, and when one fails, note its error and go on. Sync stays
 * sync: while every plugin answers at once the loop returns a plain result;
 * the first plugin that answers with a promise turns the rest of the run into
 * the same loop in an async function (`mapRest`), from that plugin on.
 */
import type { Extension, PluginError } from '@plugin-patterns/loader';
import { atWorkNote, callEnded, isThenable } from '@plugin-patterns/loader/invocation';
import { callOne, callsTraced, waitFor } from './call-one.ts';
import { checkEmpty, contain, type RunPolicy } from './error-policy.ts';
import type { Plan } from './plan.ts';

/** How the host calls one plugin, e.g. `(pollster) => pollster.poll()`. */
export type PluginCall<T, R> = (plugin: T) => R;

export interface MapResult<T, R> {
  /** One answer per plugin that answered, in call order. */
  readonly values: R[];
  /** The plugin each answer came from: `values[i]` came from `from[i]`. */
  readonly from: readonly Extension<T>[];
  /** One typed error per plugin that failed, in call order; each names its plugin. */
  readonly failures: readonly PluginError[];
}

/** A map run while it fills up: the answers, and the plugins that failed. */
export interface Gathered<T, R> {
  readonly values: R[];
  readonly failed: Extension<T>[];
  readonly failures: PluginError[];
}

/** Calls every plugin of `plan` in order and keeps every answer. */
export function runMap<T, R>(
  plan: Plan<T>,
  call: PluginCall<T, unknown>,
  policy: RunPolicy,
): MapResult<T, R> | Promise<MapResult<T, R>> {
  const { extensions, objects } = plan;
  const tracing = callsTraced();
  if (extensions.length === 0) checkEmpty(policy);
  const values: R[] = [];
  // Stryker disable next-line ArrayDeclaration: an entry that is no extension changes nothing: resultOf leaves out of `from` only the plan's extensions found in `failed`
  const failed: Extension<T>[] = [];
  const failures: PluginError[] = [];
  // The plugin at work, named should it call process.exit() (the loader's
  // plugin-at-work.ts): written as the loop reaches each plugin, and
  // what was noted before (a caller's plugin) put back when the run ends.
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
          return mapRest(plan, call, policy, { values, failed, failures }, i, answer);
        }
        values.push(answer as R);
      } catch (thrown) {
        contain(extension, thrown, failures, policy);
        failed.push(extension);
      }
    }
  } finally {
    callEnded(before);
  }
  return resultOf(plan, values, failed, failures);
}

/**
 * The rest of a map run once plugin `start` answered with a promise: the same
 * loop, awaiting each answer that is a promise. (The compiled map hands its
 * runs over to it too.)
 */
export async function mapRest<T, R>(
  plan: Plan<T>,
  call: PluginCall<T, unknown>,
  policy: RunPolicy,
  run: Gathered<T, R>,
  start: number,
  pending: PromiseLike<unknown>,
): Promise<MapResult<T, R>> {
  const { extensions, objects } = plan;
  const tracing = callsTraced();
  // Noted as in runMap (with the method again: a call in between may have
  // cleared it), and cleared while the run waits, since other code, another
  // run's perhaps, runs then. Cleared at the end too: the run was resumed from
  // an empty stack, so no caller of it is at work any more.
  const atWork = atWorkNote();
  try {
    for (let i = start; i < extensions.length; i++) {
      const extension = extensions[i] as Extension<T>;
      atWork.plugin = extension;
      atWork.method = policy.guard.method;
      try {
        let answer = i === start ? pending : callOne(extension, objects[i] as T, call, tracing);
        // Stryker disable next-line EqualityOperator: at `start` the answer is the pending promise, so isThenable decides the same either way
        if (i === start || isThenable(answer)) {
          atWork.plugin = undefined;
          answer = await waitFor(extension, answer as PromiseLike<unknown>, policy);
        }
        run.values.push(answer as R);
      } catch (thrown) {
        contain(extension, thrown, run.failures, policy);
        run.failed.push(extension);
      }
    }
  } finally {
    callEnded(undefined);
  }
  return resultOf(plan, run.values, run.failed, run.failures);
}

/**
 * Every plugin of the plan answered or failed, so the plugins that answered
 * are the plan without the failed ones: the plan itself when none failed.
 */
export function resultOf<T, R>(
  plan: Plan<T>,
  values: R[],
  failed: readonly Extension<T>[],
  failures: PluginError[],
): MapResult<T, R> {
  const from =
    failed.length === 0 ? plan.extensions : plan.extensions.filter((e) => !failed.includes(e));
  return { values, from, failures };
}
