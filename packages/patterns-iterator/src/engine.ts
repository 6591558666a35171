/**
 * The one engine under every call mode. A run walks a precomputed, ordered
 * list of plugins and hands each answer to a *mode*: map keeps every answer,
 * first stops at the first defined one, pipeline feeds each answer to the
 * next plugin. A mode is a small object with four methods; the loop, the
 * error containment, the timeout and the switch from sync to async live here
 * once (the shape of tapable's hooks: each kind a small delta on one engine).
 *
 * Sync stays sync. The loop calls plugins in a plain `for` with a `try`, and
 * returns a plain value when every plugin answered synchronously. Only when a
 * plugin returns a thenable does the run continue in an async function, from
 * that plugin on; the plugins before it were not touched by a promise. The
 * hot path allocates nothing per call beyond what the mode keeps, and reads
 * no state per call: map's answers for ten trivial plugins should cost about
 * what a bare `for` loop over ten functions costs.
 */
import type { Extension, PluginError } from '@plugin-patterns/loader';
import { isThenable, settleWithin } from './call-timeout.ts';
import { checkEmpty, containFailure, type RunPolicy } from './error-policy.ts';

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
  readonly call: (plugin: T, extension: Extension<T>) => unknown;
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
 * manager replans when it disables a plugin.
 */
export function runSeries<T, Out>(
  plan: Plan<T>,
  mode: Mode<T, Out>,
  policy: RunPolicy,
): Out | Promise<Out> {
  const { extensions, objects } = plan;
  const { call } = mode;
  const count = extensions.length;
  if (count === 0) checkEmpty(policy);
  for (let i = 0; i < count; i++) {
    const extension = extensions[i] as Extension<T>;
    let value: unknown;
    try {
      value = call(objects[i] as T, extension);
    } catch (thrown) {
      mode.failed(containFailure(extension, thrown, policy), extension);
      continue;
    }
    if (isThenable(value)) return continueAsync(plan, mode, policy, i, value);
    if (mode.take(value, extension)) return mode.finish();
  }
  return mode.finish();
}

/**
 * The rest of a run once plugin `index` answered with a thenable: the same
 * loop, awaiting only the answers that are thenables.
 */
async function continueAsync<T, Out>(
  plan: Plan<T>,
  mode: Mode<T, Out>,
  policy: RunPolicy,
  index: number,
  pending: PromiseLike<unknown>,
): Promise<Out> {
  const { extensions, objects } = plan;
  const { call } = mode;
  if (await settleInto(mode, extensions[index] as Extension<T>, pending, policy)) {
    return mode.finish();
  }
  for (let i = index + 1; i < extensions.length; i++) {
    const extension = extensions[i] as Extension<T>;
    let value: unknown;
    try {
      value = call(objects[i] as T, extension);
    } catch (thrown) {
      mode.failed(containFailure(extension, thrown, policy), extension);
      continue;
    }
    const stop = isThenable(value)
      ? await settleInto(mode, extension, value, policy)
      : mode.take(value, extension);
    if (stop) return mode.finish();
  }
  return mode.finish();
}

/** Awaits one plugin's thenable (within the timeout) and hands the outcome to the mode. */
async function settleInto<T, Out>(
  mode: Mode<T, Out>,
  extension: Extension<T>,
  thenable: PromiseLike<unknown>,
  policy: RunPolicy,
): Promise<boolean> {
  let value: unknown;
  try {
    value = await settleWithin(thenable, extension, policy);
  } catch (thrown) {
    mode.failed(containFailure(extension, thrown, policy), extension);
    return false;
  }
  return mode.take(value, extension);
}
