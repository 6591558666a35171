/**
 * First: call plugins in order until one answers (stevedore's "first
 * result", tapable's bail). The host asks "who can handle this?" without
 * routing by name: the first plugin that returns something other than
 * `undefined` wins and the rest are not called. `undefined` means "not me";
 * `null`, `0`, `''` and `false` are answers.
 *
 * The same loop as map's (map.ts), which stops at the first answer. A
 * failing plugin is not an answer: its error is noted and the next one asked.
 */
import type { Extension, PluginError } from '@plugin-patterns/loader';
import { atWorkNote, callEnded, isThenable } from '@plugin-patterns/loader/invocation';
import { callOne, callsTraced, waitFor } from './call-one.ts';
import { checkEmpty, contain, type RunPolicy } from './error-policy.ts';
import type { Plan } from './plan.ts';

export type FirstResult<T, R> =
  | {
      readonly found: true;
      readonly value: R;
      /** The plugin that answered. */
      readonly from: Extension<T>;
      /** Plugins that failed before one answered. */
      readonly failures: PluginError[];
    }
  | {
      readonly found: false;
      readonly value: undefined;
      readonly from: undefined;
      readonly failures: PluginError[];
    };

/** Calls the plugins of `plan` in order until one answers something other than `undefined`. */
export function runFirst<T, R>(
  plan: Plan<T>,
  call: (plugin: T) => unknown,
  policy: RunPolicy,
): FirstResult<T, R> | Promise<FirstResult<T, R>> {
  const { extensions, objects } = plan;
  const tracing = callsTraced();
  if (extensions.length === 0) checkEmpty(policy);
  const failures: PluginError[] = [];
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
          return firstRest(plan, call, policy, failures, i, answer);
        }
        if (answer !== undefined) return found(answer as R, extension, failures);
      } catch (thrown) {
        contain(extension, thrown, failures, policy);
      }
    }
  } finally {
    callEnded(before);
  }
  return notFound(failures);
}

/** The rest of a run once plugin `start` answered with a promise. */
async function firstRest<T, R>(
  plan: Plan<T>,
  call: (plugin: T) => unknown,
  policy: RunPolicy,
  failures: PluginError[],
  start: number,
  pending: PromiseLike<unknown>,
): Promise<FirstResult<T, R>> {
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
        if (answer !== undefined) return found(answer as R, extension, failures);
      } catch (thrown) {
        contain(extension, thrown, failures, policy);
      }
    }
  } finally {
    callEnded(undefined);
  }
  return notFound(failures);
}

function found<T, R>(value: R, from: Extension<T>, failures: PluginError[]): FirstResult<T, R> {
  return { found: true, value, from, failures };
}

function notFound<T, R>(failures: PluginError[]): FirstResult<T, R> {
  return { found: false, value: undefined, from: undefined, failures };
}
