/**
 * The iterator manager: what a host holds to call every enabled plugin of
 * one namespace in turn (the essay's third invocation pattern; ceilometer
 * running all its pollsters). It puts the pieces together: the set's ready
 * plugins, ordered once into a plan; one of the call modes; the error and
 * empty policies; the per-call timeout.
 *
 * The plan is computed once (on first use, or by `load()`), so a call walks a
 * ready, ordered array. It is a snapshot: a plugin disabled, added or removed
 * through the manager (`disable`, `add`, `remove`, the poller's self-check)
 * changes the next run's plan; one disabled through its record directly
 * leaves it at the next `refresh()`. A run already under way keeps its own.
 *
 * What a host changes at run time (plugins added, removed or turned off, the
 * historic calls replayed to later ones) is kept in runtime-plugins.ts; this
 * file is the plan and the runs over it.
 */
import type { Extension, ExtensionSet } from '@plugin-patterns/loader';
import { EmptyNamespaceError, type RunPolicy } from './error-policy.ts';
import { type FirstResult, runFirst } from './first.ts';
import { type MapResult, type PluginCall, runMap } from './map.ts';
import { type OrderOptions, type OrderProblem, orderExtensions } from './ordering.ts';
import type { Outcome } from './outcome.ts';
import { checkConcurrency, runParallel } from './parallel.ts';
import { type PipelineResult, type PipelineStep, runPipeline } from './pipeline.ts';
import { type Plan, planOf } from './plan.ts';
import { type CallOptions, type ParallelOptions, resolvePolicy } from './run-options.ts';
import { RuntimePlugins } from './runtime-plugins.ts';
import { runWrapped, type WrappedRun, type Wrapper } from './wrap.ts';

/** Manager options: defaults for every run, how to order the plugins, and the wrappers. */
export interface IteratorOptions extends CallOptions, OrderOptions {
  /** Plugins that wrap every run (wrap.ts), the first in their order outermost. */
  readonly wrappers?: ExtensionSet<Wrapper>;
}

export class IteratorManager<T> {
  readonly set: ExtensionSet<T>;
  readonly namespace: string;
  readonly #order: OrderOptions;
  readonly #policy: RunPolicy;
  readonly #wrapperSet: ExtensionSet<Wrapper> | undefined;
  // Plugins added, removed and turned off at run time, and the historic calls.
  readonly #runtime: RuntimePlugins<T>;
  #plan: Plan<T> | undefined;
  #wrappers: Plan<Wrapper> | undefined;
  #problems: readonly OrderProblem[] = [];

  constructor(set: ExtensionSet<T>, options: IteratorOptions = {}) {
    this.set = set;
    this.namespace = set.namespace;
    this.#order = options;
    this.#wrapperSet = options.wrappers;
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
    this.#runtime = new RuntimePlugins({
      set,
      // Late-bound too: a hook manager narrows by its name, set after this constructor.
      select: (extensions) => this.select(extensions),
      replan: () => {
        if (this.#plan !== undefined) this.refresh();
      },
    });
  }

  /** Loads the plugins this manager calls (each imports once), then plans the call order. */
  async load(): Promise<this> {
    // A manager narrowed to some names (a hook manager) imports only those:
    // the other plugins' modules are never evaluated, their failures never recorded.
    const names = this.wantedNames();
    await (names === undefined ? this.set.loadAll() : this.set.loadNamed(names));
    await this.#wrapperSet?.loadAll();
    this.refresh();
    return this;
  }

  /** Plans the call order again from the set as it is now. Throws OrderCycleError. */
  refresh(): void {
    // A plugin found by two sources runs once: the set has turned its repeat
    // off (found-twice) when it made the records.
    const candidates = this.select([...this.set.enabled(), ...this.#runtime.enabled()]);
    // Reading `object` throws a typed error for a plugin that is not loaded yet:
    // silently skipping it would hide "why is my plugin not running?".
    for (const extension of candidates) void extension.object;
    const { ordered, problems } = orderExtensions(candidates, this.#order, this.namespace);
    this.#plan = planOf(ordered);
    this.#problems = problems;
    const wrappers = this.#wrapperSet?.enabled() ?? [];
    this.#wrappers =
      wrappers.length === 0
        ? undefined
        : planOf(orderExtensions(wrappers, {}, this.#wrapperSet?.namespace ?? '').ordered);
  }

  /**
   * Turns a plugin off (its record keeps who and why) and replans, so the next
   * run does not call it. `plugin` is an extension, or a name (every plugin of
   * that name here). Returns false when nothing matched.
   */
  disable(plugin: string | Extension<T>, by: string, reason: string): boolean {
    return this.#runtime.disable(plugin, by, reason);
  }

  /**
   * Adds a plugin object at run time (pytest's conftest-style sub-plugin): it
   * joins the plan, ordered by the same rules, from the next run on, and every
   * historic call is replayed to it. Returns its record.
   */
  add(name: string, object: T): Extension<T> {
    return this.#runtime.add(name, object);
  }

  /**
   * Removes a plugin (an extension, or every plugin of a name here) and
   * replans. A run already under way keeps its plan: the removal counts from
   * the next run. A plugin of the set is turned off on its record (by
   * `removed`); one added at run time is dropped. Returns false when nothing
   * matched.
   */
  remove(plugin: string | Extension<T>): boolean {
    return this.#runtime.remove(plugin);
  }

  /**
   * A map whose call is remembered and replayed to every plugin added later
   * (pluggy's historic call). `onResult` gets this run's result, then one
   * result per plugin added later, each once settled. Returns this run's.
   */
  historic<R>(
    call: PluginCall<T, R>,
    onResult: (result: MapResult<T, Awaited<R>>) => void,
  ): Outcome<R, MapResult<T, Awaited<R>>> {
    const result = this.map(call);
    this.#runtime.remember<MapResult<T, Awaited<R>>>(result, onResult, (extension) => {
      const plan = planOf([extension]);
      return this.wrapped('map', this.#policy, () => runMap(plan, call, this.#policy));
    });
    return result;
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
    const plan = this.#planned();
    const policy = this.policyFor(options);
    type Out = Outcome<R, MapResult<T, Awaited<R>>>;
    // Without wrappers the run is called as it is: no closure made per run.
    if (this.#wrappers === undefined) return runMap(plan, call, policy) as Out;
    return this.wrapped('map', policy, () => runMap(plan, call, policy)) as Out;
  }

  /** Calls plugins in order until one returns something other than `undefined`. */
  first<R>(
    call: PluginCall<T, R>,
    options?: CallOptions,
  ): Outcome<R, FirstResult<T, Exclude<Awaited<R>, undefined>>> {
    const plan = this.#planned();
    const policy = this.policyFor(options);
    type Out = Outcome<R, FirstResult<T, Exclude<Awaited<R>, undefined>>>;
    if (this.#wrappers === undefined) return runFirst(plan, call, policy) as Out;
    return this.wrapped('first', policy, () => runFirst(plan, call, policy)) as Out;
  }

  /** Passes `initial` through every plugin in turn; each gets what the previous returned. */
  pipeline<V, R extends V | PromiseLike<V>>(
    initial: V,
    step: PipelineStep<T, V, R>,
    options?: CallOptions,
  ): Outcome<R, PipelineResult<T, V>> {
    const plan = this.#planned();
    const policy = this.policyFor(options);
    const each = step as PipelineStep<T, V, unknown>;
    type Out = Outcome<R, PipelineResult<T, V>>;
    if (this.#wrappers === undefined) return runPipeline(plan, initial, each, policy) as Out;
    return this.wrapped('pipeline', policy, () => runPipeline(plan, initial, each, policy)) as Out;
  }

  /** Calls every plugin at once (at most `concurrency` in flight); answers in plan order. */
  parallel<R>(
    call: PluginCall<T, R>,
    options: ParallelOptions = {},
  ): Promise<MapResult<T, Awaited<R>>> {
    try {
      const concurrency = checkConcurrency(options.concurrency ?? Number.POSITIVE_INFINITY);
      const plan = this.#planned();
      const policy = this.policyFor(options);
      const run = () => runParallel<T, Awaited<R>>(plan, call, policy, concurrency);
      return Promise.resolve(this.wrapped('parallel', policy, run));
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

  /**
   * A run, inside the wrappers when there are any. For subclasses that run the
   * plan their own way (the compiled map), so that wrappers wrap them too.
   * `run` is given the policy, so a subclass can pass a function it already
   * holds instead of making a closure per run.
   */
  protected wrapped<Out>(
    mode: WrappedRun['mode'],
    policy: RunPolicy,
    run: (policy: RunPolicy) => Out,
  ): Out {
    const wrappers = this.#wrappers;
    if (wrappers === undefined) return run(policy);
    return runWrapped(wrappers, () => run(policy), policy, { namespace: this.namespace, mode });
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
