/**
 * The iterator manager: what a host holds to call every enabled plugin of
 * one namespace in turn (the essay's third invocation pattern; ceilometer
 * running all its pollsters). It puts the pieces together: the set's ready
 * plugins, ordered once into a plan; one of the call modes; the error and
 * empty policies; the per-call timeout.
 *
 * The plan is computed once (on first use, or by `load()`), so a call walks a
 * ready, ordered array. It is a snapshot: a plugin
 * disabled through the manager (`disable`, or the poller's self-check) leaves
 * the plan at once; one disabled through its record directly leaves it at the
 * next `refresh()`.
 */
import type { Extension, ExtensionSet } from '@plugin-patterns/loader';
import {
  checkTimeLimit,
  type CallOptions as GuardOptions,
} from '@plugin-patterns/loader/invocation';
import {
  EmptyNamespaceError,
  type EmptyPolicy,
  type ErrorPolicy,
  type RunPolicy,
} from './error-policy.ts';
import { type FirstResult, runFirst } from './first.ts';
import { type MapResult, type PluginCall, runMap } from './map.ts';
import { type OrderOptions, type OrderProblem, orderExtensions } from './ordering.ts';
import type { Outcome } from './outcome.ts';
import { checkConcurrency, runParallel } from './parallel.ts';
import { type PipelineResult, type PipelineStep, runPipeline } from './pipeline.ts';
import { type Plan, planOf } from './plan.ts';

/** How one run treats failures, an empty namespace and slow plugins. */
export interface CallOptions {
  /** Default `collect`: a failure is recorded and the run goes on. `raise` throws it. */
  readonly onError?: ErrorPolicy;
  /** Default `empty`: no plugin gives the empty result. `error` throws EmptyNamespaceError. */
  readonly onEmpty?: EmptyPolicy;
  /** Per-call limit for plugins that answer with a promise. Default: none. */
  readonly timeoutMs?: number;
  /** The method called, named in error messages (`call to poll() failed`). */
  readonly method?: string;
}

export interface ParallelOptions extends CallOptions {
  /** At most this many calls in flight. Default Infinity (all at once). */
  readonly concurrency?: number;
}

/** Manager options: defaults for every run, and how to order the plugins. */
export interface IteratorOptions extends CallOptions, OrderOptions {}

export class IteratorManager<T> {
  readonly set: ExtensionSet<T>;
  readonly namespace: string;
  readonly #order: OrderOptions;
  readonly #policy: RunPolicy;
  #plan: Plan<T> | undefined;
  #problems: readonly OrderProblem[] = [];

  constructor(set: ExtensionSet<T>, options: IteratorOptions = {}) {
    this.set = set;
    this.namespace = set.namespace;
    this.#order = options;
    this.#policy = resolvePolicy(
      {
        namespace: set.namespace,
        onError: 'collect',
        onEmpty: 'empty',
        guard: {},
        // Late-bound: a subclass's fields are not set yet while this constructor runs.
        emptyError: () =>
          new EmptyNamespaceError(this.describeWanted(), this.select(set.extensions), {
            namespace: set.namespace,
          }),
      },
      options,
    );
  }

  /** Loads the plugins this manager calls (each imports once), then plans the call order. */
  async load(): Promise<this> {
    // A manager narrowed to some names (a hook manager) imports only those:
    // the other plugins' modules are never evaluated, their failures never recorded.
    const names = this.wantedNames();
    await (names === undefined ? this.set.loadAll() : this.set.loadNamed(names));
    this.refresh();
    return this;
  }

  /** Plans the call order again from the set as it is now. Throws OrderCycleError. */
  refresh(): void {
    // A plugin found by two sources runs once: the set has turned its repeat
    // off (found-twice) when it made the records.
    const candidates = this.select(this.set.enabled());
    // Reading `object` throws a typed error for a plugin that is not loaded yet:
    // silently skipping it would hide "why is my plugin not running?".
    for (const extension of candidates) void extension.object;
    const { ordered, problems } = orderExtensions(candidates, this.#order, this.namespace);
    this.#plan = planOf(ordered);
    this.#problems = problems;
  }

  /**
   * Turns a plugin off (its record keeps who and why) and replans, so the next
   * run does not call it. `plugin` is an extension, or a name (every plugin of
   * that name here). Returns false when nothing matched.
   */
  disable(plugin: string | Extension<T>, by: string, reason: string): boolean {
    const matching =
      typeof plugin === 'string'
        ? this.select(this.set.named(plugin))
        : this.set.extensions.filter((e) => e === plugin);
    for (const extension of matching) extension.disable(by, reason);
    if (matching.length > 0 && this.#plan !== undefined) this.refresh();
    return matching.length > 0;
  }

  /** The plugins a run calls, in call order. */
  extensions(): readonly Extension<T>[] {
    return this.#planned().extensions;
  }

  /** Their names, in call order. */
  names(): string[] {
    return this.extensions().map((e) => e.name);
  }

  /** Order constraints that were ignored (an unknown name, a malformed declaration). */
  get orderProblems(): readonly OrderProblem[] {
    if (this.#plan === undefined) this.refresh();
    return this.#problems;
  }

  /** Calls every plugin and keeps every answer. Sync when every plugin answers synchronously. */
  map<R>(call: PluginCall<T, R>, options?: CallOptions): Outcome<R, MapResult<T, Awaited<R>>> {
    return runMap(this.#planned(), call, this.policyFor(options)) as Outcome<
      R,
      MapResult<T, Awaited<R>>
    >;
  }

  /** Calls plugins in order until one returns something other than `undefined`. */
  first<R>(
    call: PluginCall<T, R>,
    options?: CallOptions,
  ): Outcome<R, FirstResult<T, Exclude<Awaited<R>, undefined>>> {
    return runFirst(this.#planned(), call, this.policyFor(options)) as Outcome<
      R,
      FirstResult<T, Exclude<Awaited<R>, undefined>>
    >;
  }

  /** Passes `initial` through every plugin in turn; each gets what the previous returned. */
  pipeline<V, R extends V | PromiseLike<V>>(
    initial: V,
    step: PipelineStep<T, V, R>,
    options?: CallOptions,
  ): Outcome<R, PipelineResult<T, V>> {
    return runPipeline(this.#planned(), initial, step, this.policyFor(options)) as Outcome<
      R,
      PipelineResult<T, V>
    >;
  }

  /** Calls every plugin at once (at most `concurrency` in flight); answers in plan order. */
  parallel<R>(
    call: PluginCall<T, R>,
    options: ParallelOptions = {},
  ): Promise<MapResult<T, Awaited<R>>> {
    try {
      const concurrency = checkConcurrency(options.concurrency ?? Number.POSITIVE_INFINITY);
      return runParallel(this.#planned(), call, this.policyFor(options), concurrency);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Which of the set's extensions this manager calls. The hook manager narrows it to one name. */
  protected select(extensions: readonly Extension<T>[]): Extension<T>[] {
    return [...extensions];
  }

  /** The names this manager calls, when it calls only some (what `load` imports); undefined: all. */
  protected wantedNames(): readonly string[] | undefined {
    return undefined;
  }

  /** What an empty run failed to find, for EmptyNamespaceError. */
  protected describeWanted(): string {
    return 'plugin';
  }

  #planned(): Plan<T> {
    if (this.#plan === undefined) this.refresh();
    return this.#plan as Plan<T>;
  }

  /**
   * The policy of one run: the manager's defaults, with `options` over them.
   * For subclasses that run the plan their own way (the compiled map).
   */
  protected policyFor(options: CallOptions | undefined): RunPolicy {
    return options === undefined ? this.#policy : resolvePolicy(this.#policy, options);
  }
}

function resolvePolicy(base: RunPolicy, options: CallOptions): RunPolicy {
  const { timeoutMs, method } = options;
  if (timeoutMs !== undefined) checkTimeLimit('timeoutMs', timeoutMs);
  const guard: GuardOptions = {
    ...base.guard,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(method === undefined ? {} : { method }),
  };
  return {
    ...base,
    onError: options.onError ?? base.onError,
    onEmpty: options.onEmpty ?? base.onEmpty,
    guard,
  };
}
