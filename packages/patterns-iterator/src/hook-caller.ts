/**
 * The setup registry, called the iterator's way. Plugins integrated with
 * `setup(host)` (the loader's coarse-grained integration) register functions
 * under hook names; a `HookCaller` calls every function registered under one
 * hook with what any iterator manager gives object plugins: the call modes,
 * ordering by plugin name (a names list, constraints, an `order` property on
 * the function), containment (each failure typed, naming the plugin), and
 * `disable`.
 *
 *     const stored = new HookCaller(registry, 'sample.stored');
 *     stored.map((hook) => hook(sample));
 *
 * It reads the registry at each run, so a plugin whose record was disabled
 * (by a policy, the host, or `disable` here) or that was removed from the
 * registry is not called again, with every hook it registered; a plugin
 * registered since is. The manager it runs is rebuilt only when that list
 * changed.
 */
import { ExtensionSet } from '@plugin-patterns/loader';
import type { HookFn, HookRegistry, Registration } from '@plugin-patterns/loader/integration';
import type { FirstResult } from './first.ts';
import { IteratorManager, type IteratorOptions } from './iterator-manager.ts';
import type { MapResult, PluginCall } from './map.ts';
import type { Outcome } from './outcome.ts';
import type { PipelineResult, PipelineStep } from './pipeline.ts';
import type { CallOptions } from './run-options.ts';

export class HookCaller<F extends HookFn = HookFn> {
  readonly hook: string;
  readonly #registry: HookRegistry<Record<string, HookFn>>;
  readonly #options: IteratorOptions;
  #registrations: readonly Registration[] = [];
  #manager: IteratorManager<F> | undefined;

  constructor(
    registry: HookRegistry<Record<string, HookFn>>,
    hook: string,
    options: IteratorOptions = {},
  ) {
    this.#registry = registry;
    this.hook = hook;
    this.#options = options;
  }

  /** The manager over the hook's registrations as they are now. */
  get manager(): IteratorManager<F> {
    const now = this.#registry.registered(this.hook);
    const same =
      this.#manager !== undefined &&
      now.length === this.#registrations.length &&
      now.every((r, i) => r === this.#registrations[i]);
    if (!same) {
      this.#registrations = now;
      const namespace = now[0]?.namespace ?? `hook ${this.hook}`;
      const plugins = now.map((r) => [r.plugin, r.fn as F] as const);
      this.#manager = new IteratorManager(ExtensionSet.fromObjects<F>(namespace, plugins), {
        method: this.hook,
        ...this.#options,
      });
    }
    return this.#manager as IteratorManager<F>;
  }

  /** The plugins whose functions a run calls, in call order. */
  names(): string[] {
    return this.manager.names();
  }

  map<R>(call: PluginCall<F, R>, options?: CallOptions): Outcome<R, MapResult<F, Awaited<R>>> {
    return this.manager.map(call, options);
  }

  first<R>(
    call: PluginCall<F, R>,
    options?: CallOptions,
  ): Outcome<R, FirstResult<F, Exclude<Awaited<R>, undefined>>> {
    return this.manager.first(call, options);
  }

  pipeline<V, R extends V | PromiseLike<V>>(
    initial: V,
    step: PipelineStep<F, V, R>,
    options?: CallOptions,
  ): Outcome<R, PipelineResult<F, V>> {
    return this.manager.pipeline(initial, step, options);
  }

  parallel<R>(call: PluginCall<F, R>, options?: CallOptions): Promise<MapResult<F, Awaited<R>>> {
    return this.manager.parallel(call, options);
  }

  /** Turns a plugin off: every hook it registered, under any name, stops being called. */
  disable(plugin: string, by: string, reason: string): boolean {
    return this.#registry.disable(plugin, by, reason);
  }
}
