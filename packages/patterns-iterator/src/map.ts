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
import { callOne, isPromised, settleOne } from './call-one.ts';
import { checkEmpty, collectOrRaise, type RunPolicy } from './error-policy.ts';

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

/** A map run while it fills up. */
export interface Gathered<T, R> {
  values: R[];
  from: Extension<T>[];
  failures: PluginError[];
}

/** Calls every plugin of `plan` in order and keeps every answer. */
export function runMap<T, R>(
  plan: readonly Extension<T>[],
  call: PluginCall<T, unknown>,
  policy: RunPolicy,
): MapResult<T, R> | Promise<MapResult<T, R>> {
  if (plan.length === 0) checkEmpty(policy);
  const result: Gathered<T, R> = { values: [], from: [], failures: [] };
  for (let i = 0; i < plan.length; i++) {
    const extension = plan[i] as Extension<T>;
    try {
      const answer = callOne(extension, call, policy);
      if (isPromised(extension, answer, policy)) {
        return mapRest(plan, call, policy, result, i, answer);
      }
      result.values.push(answer as R);
      result.from.push(extension);
    } catch (failure) {
      collectOrRaise(failure, result.failures, policy);
    }
  }
  return result;
}

/**
 * The rest of a map run once plugin `start` answered with a promise: the same
 * loop, awaiting each answer that is a promise. (The compiled map hands its
 * runs over to it too.)
 */
export async function mapRest<T, R>(
  plan: readonly Extension<T>[],
  call: PluginCall<T, unknown>,
  policy: RunPolicy,
  result: Gathered<T, R>,
  start: number,
  pending: PromiseLike<unknown>,
): Promise<MapResult<T, R>> {
  for (let i = start; i < plan.length; i++) {
    const extension = plan[i] as Extension<T>;
    try {
      let answer = i === start ? pending : callOne(extension, call, policy);
      if (i === start || isPromised(extension, answer, policy)) {
        answer = await settleOne(extension, answer as PromiseLike<unknown>, policy);
      }
      result.values.push(answer as R);
      result.from.push(extension);
    } catch (failure) {
      collectOrRaise(failure, result.failures, policy);
    }
  }
  return result;
}
