/**
 * Map: call every plugin and keep every answer (ceilometer asking each
 * pollster for its samples, a linter running every rule). Answers come back
 * in call order, each beside the extension that gave it, so a host can blame
 * or credit a plugin by name; failures are kept apart, one typed error each.
 */
import type { Extension, PluginError } from '@plugin-patterns/loader';
import { awaitable, isThenable, type Mode, type Plan, rejected, runSeries } from './engine.ts';
import { blame, checkEmpty, onFailure, type RunPolicy } from './error-policy.ts';

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

// Shared by every run in which nothing failed: one allocation fewer per run.
export const NO_FAILURES: readonly PluginError[] = Object.freeze([]);

/** Keeps every answer; never stops early. */
export class MapMode<T, R> implements Mode<T, MapResult<T, R>> {
  readonly call: PluginCall<T, unknown>;
  readonly #called: readonly Extension<T>[];
  readonly #values: R[];
  // Made on the first failure: a run where nothing fails allocates only `values`.
  #failures: PluginError[] | undefined;
  #failed: Extension<T>[] | undefined;

  /**
   * `called`: the plan's plugins, in order; `from` is read off it at the end.
   * `values`: the answers a fast path gathered before it handed the run over.
   */
  constructor(called: readonly Extension<T>[], call: PluginCall<T, unknown>, values: R[] = []) {
    this.#called = called;
    this.call = call;
    this.#values = values;
  }

  take(value: unknown): boolean {
    this.#values.push(value as R);
    return false;
  }

  failed(error: PluginError, extension: Extension<T>): void {
    if (this.#failures === undefined || this.#failed === undefined) {
      this.#failures = [];
      this.#failed = [];
    }
    this.#failures.push(error);
    this.#failed.push(extension);
  }

  finish(): MapResult<T, R> {
    // Every plugin of the plan answers or fails, so `from` is the plan minus the
    // failed ones: no second array to fill on the hot path.
    const failed = this.#failed;
    if (failed === undefined) {
      return { values: this.#values, from: this.#called, failures: NO_FAILURES };
    }
    const from = this.#called.filter((e) => !failed.includes(e));
    return { values: this.#values, from, failures: this.#failures ?? NO_FAILURES };
  }
}

/**
 * Map's fast path, for the common run: every plugin answers synchronously and
 * none fails. Then a run is this loop and nothing else: no mode object, no
 * take() per plugin, one array. A promise continues the run in `mapAsync`,
 * the same loop awaiting; a failure hands the run, with the answers so far,
 * to a MapMode on the engine, which goes on from the next plugin exactly as if
 * it had run from the start. (Map is the mode hosts call most.)
 *
 * A manager runs this loop for a plan's first run; from the second, the same
 * steps compiled for the plan (unrolled-map.ts), unless no code can be
 * generated here. Both hand over to `mapAsync` and `mapAfterThrow`.
 */
export function mapSeries<T, R>(
  plan: Plan<T>,
  call: PluginCall<T, unknown>,
  policy: RunPolicy,
): MapResult<T, R> | Promise<MapResult<T, R>> {
  const { extensions, objects } = plan;
  const count = extensions.length;
  if (count === 0) checkEmpty(policy);
  const values: R[] = [];
  for (let i = 0; i < count; i++) {
    let value: unknown;
    try {
      value = call(objects[i] as T);
      if (isThenable(value))
        return mapAsync({ plan, call, policy, index: i, pending: value, values });
    } catch (thrown) {
      return mapAfterThrow(plan, call, policy, i, thrown, values);
    }
    values.push(value as R);
  }
  return { values, from: extensions, failures: NO_FAILURES };
}

/**
 * The rest of a map run once plugin `index` threw (or its `then` getter did):
 * the failure is blamed and recorded, and a MapMode holding the answers so far
 * takes the run on the engine from the next plugin. Shared by the loop above
 * and the unrolled runs (unrolled-map.ts), so all go on alike. The compiled
 * async run hands over a rejection here too: it runs only without a time
 * limit, and without one a rejection is blamed exactly as a throw is
 * (`rejected` in engine.ts).
 */
export function mapAfterThrow<T, R>(
  plan: Plan<T>,
  call: PluginCall<T, unknown>,
  policy: RunPolicy,
  index: number,
  thrown: unknown,
  values: R[],
): MapResult<T, R> | Promise<MapResult<T, R>> {
  const mode = new MapMode<T, R>(plan.extensions, call, values);
  const extension = plan.extensions[index] as Extension<T>;
  mode.failed(onFailure(blame(extension, thrown, policy), policy), extension);
  return runSeries(plan, mode, policy, index + 1);
}

/**
 * What a map run hands over to `mapAsync` when plugin `index` answers with a
 * promise: the run, that promise, and the answers before it.
 */
export interface AsyncHandover<T, R> {
  readonly plan: Plan<T>;
  readonly call: PluginCall<T, unknown>;
  readonly policy: RunPolicy;
  readonly index: number;
  readonly pending: PromiseLike<unknown>;
  readonly values: R[];
}

/**
 * The rest of a map run once plugin `index` answered with a promise: the
 * engine's async loop with map's bookkeeping inline; the mode object is made
 * only if a plugin fails. Shared, like `mapAfterThrow`, with the unrolled run.
 *
 * Each promised answer costs one `await` of the plugin's own promise, as in a
 * hand-written loop: without a time limit nothing is wrapped around it (no
 * `.then`, no closure); under one, the engine's `awaitable` races it against
 * the clock. And the function keeps little to save, because V8 saves an async
 * function's parameters and registers each time it suspends at an `await` and
 * restores them when it resumes: the run comes as one object (`run`) and is
 * read through rather than unpacked, and a plugin's record is looked up only
 * when it failed. (In trials, the run as six parameters instead of one
 * object cost about 5% of a run of ten async plugins, and unpacking it about
 * 4% more.)
 */
export async function mapAsync<T, R>(run: AsyncHandover<T, R>): Promise<MapResult<T, R>> {
  const values = run.values;
  let mode: MapMode<T, R> | undefined;
  let answer: unknown = run.pending;
  for (let i = run.index; i < run.plan.extensions.length; i++) {
    if (i !== run.index) {
      try {
        answer = run.call(run.plan.objects[i] as T);
        if (!isThenable(answer)) {
          values.push(answer as R);
          continue;
        }
      } catch (thrown) {
        const extension = run.plan.extensions[i] as Extension<T>;
        mode ??= new MapMode<T, R>(run.plan.extensions, run.call, values);
        mode.failed(onFailure(blame(extension, thrown, run.policy), run.policy), extension);
        continue;
      }
    }
    try {
      const value = await (run.policy.guard.timeoutMs === undefined
        ? answer
        : awaitable(
            run.plan.extensions[i] as Extension<T>,
            answer as PromiseLike<unknown>,
            run.policy,
          ));
      values.push(value as R);
    } catch (thrown) {
      const extension = run.plan.extensions[i] as Extension<T>;
      mode ??= new MapMode<T, R>(run.plan.extensions, run.call, values);
      mode.failed(onFailure(rejected(extension, thrown, run.policy), run.policy), extension);
    }
  }
  return mode?.finish() ?? { values, from: run.plan.extensions, failures: NO_FAILURES };
}
