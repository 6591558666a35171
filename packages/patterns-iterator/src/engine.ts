/**
 * The one engine under every call mode. A run walks a precomputed, ordered
 * list of plugins and hands each answer to a *mode*: map keeps every answer,
 * first stops at the first defined one, pipeline feeds each answer to the
 * next plugin. A mode is a call and three small methods; the loop, the error
 * policy and the switch from sync to async live here once (the shape of
 * tapable's hooks: each kind a small delta on one engine).
 *
 * Sync stays sync. The loop calls plugins in a plain `for` with a `try`, and
 * returns a plain value when every plugin answered synchronously; it
 * allocates nothing per call beyond what the mode keeps and reads no state
 * per call, so map over ten trivial plugins costs about what a bare `for`
 * loop over ten functions costs. Only when a plugin returns a thenable does
 * the run continue in an async function, from that plugin on; the plugins
 * before it were not touched by a promise. From there every call goes
 * through the loader's call guard (`callPlugin`), which owns the time limit
 * and the blame for promised answers.
 */
import { callPlugin, type Extension, isThenable, PluginError } from '@plugin-patterns/loader';
import { blame, checkEmpty, onFailure, type RunPolicy } from './error-policy.ts';

/** The ordered plugins of a run, with their objects looked up once, not per call. */
export interface Plan<T> {
  readonly extensions: readonly Extension<T>[];
  readonly objects: readonly T[];
}

/** What makes map, first and pipeline different. The engine owns everything else. */
export interface Mode<T, Out> {
  /**
   * Calls one plugin; may return a thenable, which the engine awaits. A
   * function property rather than a method, so that map can hand in the
   * host's own callback and the loop calls it with no step in between.
   */
  readonly call: (plugin: T) => unknown;
  /** Takes one plugin's settled answer. Returns true to end the run here. */
  take(value: unknown, extension: Extension<T>): boolean;
  /** Takes one plugin's failure, already typed and recorded on its extension. */
  failed(error: PluginError, extension: Extension<T>): void;
  /** The run's result. */
  finish(): Out;
}

/**
 * A run's result type, read off the callback's return type `R`: the plain
 * result `X` for a sync callback, `Promise<X>` for an async one, and the union
 * when the callback may be either (then `await` it; awaiting a plain value is
 * harmless). `any` and `unknown` say nothing, so they get the union too.
 */
export type Outcome<R, X> = 0 extends 1 & R
  ? X | Promise<X>
  : unknown extends R
    ? X | Promise<X>
    : OutcomeOf<R, X>;

// Distributes over a union: `A | Promise<A>` gives `X | Promise<X>`.
type OutcomeOf<R, X> = R extends PromiseLike<unknown> ? Promise<X> : X;

/**
 * Calls every plugin of the plan in order, through the mode. The plan is a
 * snapshot of the enabled plugins; the loop does not re-check each record's
 * state (that check alone costs more than the call of a small plugin), so a
 * manager replans when it disables a plugin. `start` resumes a run that a
 * fast path began (map's).
 */
export function runSeries<T, Out>(
  plan: Plan<T>,
  mode: Mode<T, Out>,
  policy: RunPolicy,
  start = 0,
): Out | Promise<Out> {
  const { extensions, objects } = plan;
  const { call } = mode;
  const count = extensions.length;
  if (count === 0) checkEmpty(policy);
  for (let i = start; i < count; i++) {
    let value: unknown;
    let promised: boolean;
    try {
      value = call(objects[i] as T);
      // Asking "is it a promise?" can run the plugin's code again (a `then`
      // getter) or throw outright (a revoked proxy): the plugin's failure too.
      promised = isThenable(value);
    } catch (thrown) {
      const extension = extensions[i] as Extension<T>;
      mode.failed(onFailure(blame(extension, thrown, policy), policy), extension);
      continue;
    }
    if (promised) return continueAsync(plan, mode, policy, i, value as PromiseLike<unknown>);
    if (mode.take(value, extensions[i] as Extension<T>)) return mode.finish();
  }
  return mode.finish();
}

/**
 * The rest of a run once plugin `index` answered with a thenable: the same
 * loop, awaiting only the answers that are thenables. The await is inline,
 * one hop per promised answer as in a hand-written loop; with a time limit,
 * the promise goes through the loader's call guard, which races it against
 * the clock, blames the plugin that hung, and records the failure itself.
 */
export async function continueAsync<T, Out>(
  plan: Plan<T>,
  mode: Mode<T, Out>,
  policy: RunPolicy,
  index: number,
  pending: PromiseLike<unknown>,
): Promise<Out> {
  const { extensions, objects } = plan;
  const { call } = mode;
  for (let i = index; i < extensions.length; i++) {
    const extension = extensions[i] as Extension<T>;
    let value: unknown;
    let promised: boolean;
    try {
      value = i === index ? pending : call(objects[i] as T);
      promised = i === index || isThenable(value);
    } catch (thrown) {
      mode.failed(onFailure(blame(extension, thrown, policy), policy), extension);
      continue;
    }
    if (promised) {
      try {
        value = await awaitable(extension, value as PromiseLike<unknown>, policy);
      } catch (thrown) {
        mode.failed(onFailure(rejected(extension, thrown, policy), policy), extension);
        continue;
      }
    }
    if (mode.take(value, extension)) return mode.finish();
  }
  return mode.finish();
}

/**
 * What to await for a promised answer: the answer itself, or, under a time
 * limit, the loader's call guard's promise, which races it against the clock.
 */
export function awaitable<T>(
  extension: Extension<T>,
  answer: PromiseLike<unknown>,
  policy: RunPolicy,
): unknown {
  return policy.guard.timeoutMs === undefined ? answer : guarded(extension, answer, policy);
}

/** A promised answer that failed, typed and recorded once: the guard's errors are already. */
export function rejected<T>(
  extension: Extension<T>,
  thrown: unknown,
  policy: RunPolicy,
): PluginError {
  return policy.guard.timeoutMs !== undefined && thrown instanceof PluginError
    ? thrown
    : blame(extension, thrown, policy);
}

// Apart from awaitable, so that the closure is only made when there is a time limit.
function guarded<T>(
  extension: Extension<T>,
  answer: PromiseLike<unknown>,
  policy: RunPolicy,
): unknown {
  return callPlugin(extension, () => answer, policy.guard);
}

// The loader's thenable test (what `await` would wait on), kept in this package's exports.
export { isThenable };
