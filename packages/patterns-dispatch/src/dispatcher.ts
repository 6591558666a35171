/**
 * The dispatcher pattern, by name and by predicate: every plugin of a
 * namespace is loaded up front, and each call goes to the ones the host picks
 * — by their names, or by a test over their extension records.
 *
 * A host chooses this over the driver pattern when it uses many plugins of one
 * namespace side by side and picks among them per call (write this batch to
 * the `memory` and `jsonl` stores; ask every plugin from one package), and over
 * the iterator pattern when not every plugin should see every call.
 *
 * Calling by name is meant to cost little more than a map lookup and the call
 * itself, so the name index is built once, here, and `call` does no more than
 * look up, guard and call. A name that matches no plugin is a host mistake (a
 * typo in a config file), so it is thrown at once as a NoMatchingPluginError
 * with the closest name, before any plugin is called; it is never skipped.
 */
import {
  AmbiguousPluginError,
  type Extension,
  type ExtensionSet,
  NoMatchingPluginError,
} from '@plugin-patterns/loader';
import { closestName, isThenable } from '@plugin-patterns/loader/invocation';
import { guardedCall } from './call-guard.ts';
import { deliverInOrder } from './deliver-in-order.ts';
import type { Delivery, DispatchOptions, DispatchResult, PluginCall, Settled } from './delivery.ts';

/** Picks plugins by their extension record: name, source, state, or the loaded object. */
export type ExtensionFilter<T> = (extension: Extension<T>) => boolean;

/** The standing options of every call, and which plugins the dispatcher is for. */
export interface DispatcherOptions extends DispatchOptions {
  /**
   * The names of the only plugins this dispatcher calls: `load` imports
   * these and no other, and a name outside them is refused like an unknown
   * one. Default: every plugin of the set.
   */
  readonly names?: readonly string[];
}

export class Dispatcher<T> {
  readonly namespace: string;
  readonly #set: ExtensionSet<T>;
  readonly #options: DispatchOptions;
  /** Who answers to each name, decided once: a call is one lookup here. */
  readonly #byName = new Map<string, Extension<T>>();
  /** Names two or more plugins claim, with how the errors name the claimants. */
  readonly #ambiguous = new Map<string, readonly string[]>();
  /** The names the dispatcher is narrowed to; undefined: every plugin of the set. */
  readonly #only: ReadonlySet<string> | undefined;

  /** Builds the name index over the set as it is; call `Dispatcher.load` to load it first. */
  constructor(set: ExtensionSet<T>, options: DispatcherOptions = {}) {
    this.namespace = set.namespace;
    this.#set = set;
    this.#options = options;
    this.#only = options.names === undefined ? undefined : new Set(options.names);
    // Who answers to each name is the loader's rule (`set.claimant`, which the
    // driver follows too), decided here once, never per call. It also sets
    // aside a plugin found twice (two sources naming one package): its later
    // record is turned off, by `found-twice`, so the set's ready plugins hold
    // each plugin once, however the host loaded them. A name of `names` that
    // nothing declares is a NoMatchingPluginError here, from `claimant`.
    for (const name of options.names ?? set.names()) {
      try {
        // A disabled or failed plugin stays in the index: calling it says why it is unavailable.
        this.#byName.set(name, set.claimant(name));
      } catch (error) {
        if (!(error instanceof AmbiguousPluginError)) throw error;
        this.#ambiguous.set(name, error.claimants);
      }
    }
  }

  /**
   * Loads every enabled plugin of the set, or with `names` only those: the
   * other plugins' modules are never evaluated. Failures are recorded on
   * their extensions. A name nothing declares is refused before anything is
   * imported.
   */
  static async load<T>(
    set: ExtensionSet<T>,
    options: DispatcherOptions = {},
  ): Promise<Dispatcher<T>> {
    const { names } = options;
    if (names === undefined) {
      await set.loadAll();
    } else {
      // `claimant` throws NoMatchingPluginError, with the nearest name.
      for (const name of names) if (!set.has(name)) set.claimant(name);
      await set.loadNamed(names);
    }
    return new Dispatcher(set, options);
  }

  /** Names of the plugins that can be called now, in policy order. */
  names(): string[] {
    return this.#ready().map((e) => e.name);
  }

  /** Calls one plugin by name. The fast path: one lookup, one guarded call. */
  call<R>(
    name: string,
    fn: PluginCall<T, R>,
    options?: DispatchOptions,
  ): Settled<R, Delivery<Awaited<R>>> {
    const extension = this.#byName.get(name) ?? this.#missing(name);
    const effective = this.#merge(options);
    const delivery = guardedCall(extension, fn, effective);
    return (effective.onError === 'raise' ? raised(delivery) : delivery) as Settled<
      R,
      Delivery<Awaited<R>>
    >;
  }

  /**
   * Calls the named plugins, in the order the names are given. Every name is
   * checked before the first call, so a typo never leaves a dispatch half done.
   */
  byName<R>(
    names: readonly string[],
    fn: PluginCall<T, R>,
    options?: DispatchOptions,
  ): Settled<R, DispatchResult<Awaited<R>>> {
    const targets: Extension<T>[] = [];
    for (const name of names) targets.push(this.#byName.get(name) ?? this.#missing(name));
    return deliverInOrder(targets, fn, this.#merge(options)) as Settled<
      R,
      DispatchResult<Awaited<R>>
    >;
  }

  /** Calls, in policy order, every ready plugin the filter selects. Selecting none is not an error. */
  byPredicate<R>(
    filter: ExtensionFilter<T>,
    fn: PluginCall<T, R>,
    options?: DispatchOptions,
  ): Settled<R, DispatchResult<Awaited<R>>> {
    const targets = this.#ready().filter(filter);
    return deliverInOrder(targets, fn, this.#merge(options)) as Settled<
      R,
      DispatchResult<Awaited<R>>
    >;
  }

  /** The set's ready plugins in policy order (each plugin once: see the constructor). */
  #ready(): Extension<T>[] {
    const only = this.#only;
    const ready = this.#set.ready();
    return only === undefined ? ready : ready.filter((e) => only.has(e.name));
  }

  #merge(options: DispatchOptions | undefined): DispatchOptions {
    return options === undefined ? this.#options : { ...this.#options, ...options };
  }

  #missing(name: string): never {
    const claimants = this.#ambiguous.get(name);
    if (claimants !== undefined) {
      throw new AmbiguousPluginError({ namespace: this.namespace, name, claimants });
    }
    const available = [...this.#byName.keys()];
    throw new NoMatchingPluginError({
      namespace: this.namespace,
      name,
      available,
      closest: closestName(name, available),
    });
  }
}

/** `raise`: the delivery, or its failure thrown (rejected, for a promised one). */
function raised<V>(
  delivery: Delivery<V> | Promise<Delivery<V>>,
): Delivery<V> | Promise<Delivery<V>> {
  return isThenable(delivery) ? delivery.then(raiseFailure) : raiseFailure(delivery);
}

function raiseFailure<V>(delivery: Delivery<V>): Delivery<V> {
  if (!delivery.ok) throw delivery.error;
  return delivery;
}
