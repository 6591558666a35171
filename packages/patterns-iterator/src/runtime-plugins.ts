/**
 * The plugins a host changes while an iterator manager is in use: objects
 * added as plugins (pytest's conftest-style sub-plugins), plugins removed or
 * turned off by name or by record, and the historic calls replayed to every
 * plugin added later (pluggy's historic call). Each change counts from the
 * next run: the manager plans again (`replan`), and a run already under way
 * keeps the plan it started with.
 *
 * Kept apart from the manager (iterator-manager.ts) because none of it is on
 * a run's path: a run walks the plan and nothing else. This is the
 * bookkeeping that decides what the next plan holds.
 */
import { Extension, type ExtensionSet } from '@plugin-patterns/loader';
import { isThenable } from '@plugin-patterns/loader/invocation';

/** What the manager lends: its set, its narrowing, and its planning. */
export interface RuntimeHost<T> {
  readonly set: ExtensionSet<T>;
  /** Which of these extensions the manager calls (a hook manager narrows them to one name). */
  select(extensions: readonly Extension<T>[]): Extension<T>[];
  /** Plans the call order again, if a plan was made already (otherwise the next run makes it). */
  replan(): void;
}

export class RuntimePlugins<T> {
  readonly #host: RuntimeHost<T>;
  /** Plugins added at run time, beside the set's. */
  readonly #added: Extension<T>[] = [];
  /** Calls to replay to every plugin added later (`historic`). */
  readonly #replays: ((extension: Extension<T>) => void)[] = [];

  constructor(host: RuntimeHost<T>) {
    this.#host = host;
  }

  /** The plugins added and still enabled, planned beside the set's. */
  enabled(): Extension<T>[] {
    return this.#added.filter((e) => e.isEnabled);
  }

  /** IteratorManager.disable: turns the matching plugins off, then replans. */
  disable(plugin: string | Extension<T>, by: string, reason: string): boolean {
    const matching = this.#matching(plugin);
    for (const extension of matching) extension.disable(by, reason);
    if (matching.length > 0) this.#host.replan();
    return matching.length > 0;
  }

  /** IteratorManager.add: a record for `object`, planned, then given every historic call. */
  add(name: string, object: T): Extension<T> {
    const extension = Extension.preloaded(this.#host.set.namespace, name, object);
    this.#added.push(extension);
    this.#host.replan();
    for (const replay of this.#replays) replay(extension);
    return extension;
  }

  /** IteratorManager.remove: the set's plugins turned off (`removed`), added ones dropped. */
  remove(plugin: string | Extension<T>): boolean {
    const matching = this.#matching(plugin);
    for (const extension of matching) {
      const at = this.#added.indexOf(extension);
      if (at === -1) extension.disable('removed', 'removed at run time');
      else this.#added.splice(at, 1);
    }
    if (matching.length > 0) this.#host.replan();
    return matching.length > 0;
  }

  /**
   * A historic call: `onResult` gets this run's `result` now (once settled),
   * and the result of `runOne(extension)` for every plugin added from now on.
   */
  remember<Result>(
    result: Result | Promise<Result>,
    onResult: (result: Result) => void,
    runOne: (extension: Extension<T>) => Result | Promise<Result>,
  ): void {
    const deliver = (each: Result | Promise<Result>) => {
      if (isThenable(each)) void each.then(onResult);
      else onResult(each);
    };
    deliver(result);
    this.#replays.push((extension) => deliver(runOne(extension)));
  }

  /** Every plugin `plugin` names here: that extension, or every one of that name. */
  #matching(plugin: string | Extension<T>): Extension<T>[] {
    if (typeof plugin !== 'string') {
      return [...this.#host.set.extensions, ...this.#added].filter((e) => e === plugin);
    }
    return this.#host.select([
      ...this.#host.set.named(plugin),
      ...this.#added.filter((e) => e.name === plugin),
    ]);
  }
}
