/**
 * The loader's pipeline for one namespace: discover → enable → (lazily)
 * import → integrate → enforce. The result is a set of extension records that
 * the pattern packages (driver, dispatcher, iterator) invoke.
 *
 * Construction is synchronous and imports nothing: it reads declarations and
 * applies the enabling policies. Code is imported only by `load`/`loadAll`,
 * once per extension.
 *
 * Records are made when first asked for, too. A driver that wants one plugin
 * out of a thousand asks for one name (`named`), and only that name's records
 * are made; a report asks for all of them. Either way a record tells the same
 * story, since the policies decided over every declaration up front.
 *
 * A plugin found twice (a package scan and a reference list naming the same
 * package) is set aside here, once, for every pattern: the records of a name
 * declared more than once are made together, and each later record of the
 * same module export is turned off by `found-twice` (claimants.ts). Whatever
 * a manager then reads (`enabled`, `ready`, `claimant`), it sees each plugin
 * once.
 *
 * How a set is made (discovery and enabling, or objects handed in) is in
 * extension-set-parts.ts, and who answers to a name in claimants.ts: this
 * file is what a set answers, and the records it makes on the way.
 */
import type { DiscoveryProblem, EntryPoint } from '../discovery/entry-point.ts';
import type { Namespace } from '../namespace.ts';
import type { UnmatchedName } from './apply-policies.ts';
import { chooseClaimant, setAsideRepeats } from './claimants.ts';
import type { Extension } from './extension.ts';
import type { ExtensionReport } from './extension-report.ts';
import {
  discoveredParts,
  type ExtensionSetOptions,
  type ExtensionSetParts,
  handedInParts,
} from './extension-set-parts.ts';
import { indexesOf } from './gather-declarations.ts';

export type { ExtensionSetOptions } from './extension-set-parts.ts';

export class ExtensionSet<T = unknown> {
  readonly namespace: string;
  /** Declarations that could not become extensions (no name could be read, say). */
  readonly problems: readonly DiscoveryProblem[];
  /** Names a policy was configured with that match no plugin. */
  readonly unmatched: readonly UnmatchedName[];
  /** Every declaration found, in discovery order: record `i` is made from `#found[i]`. */
  readonly #found: readonly EntryPoint[];
  readonly #make: (index: number) => Extension<T>;
  /**
   * Records made so far, by index in `#found`. A Map, not an array: the one
   * record a driver asks for may be the thousandth, and an array written at
   * that index alone would be turned into a slow dictionary on the spot.
   */
  readonly #records = new Map<number, Extension<T>>();
  #all: readonly Extension<T>[] | undefined;
  /** Indexes of the records the policies kept, in their order; undefined: no policies. */
  readonly #order: readonly number[] | undefined;
  readonly #onLoadFailure: 'record' | 'raise';

  private constructor(parts: ExtensionSetParts<T>) {
    this.namespace = parts.namespace;
    this.#found = parts.found;
    this.#make = parts.make;
    this.#order = parts.order;
    this.problems = parts.problems;
    this.unmatched = parts.unmatched;
    this.#onLoadFailure = parts.onLoadFailure;
  }

  /** Runs discovery and enabling for one namespace. Imports nothing (extension-set-parts.ts). */
  static discover<T>(options: ExtensionSetOptions<T>): ExtensionSet<T> {
    return new ExtensionSet(discoveredParts(options));
  }

  /** The test seam: a set built from objects the host hands in, already loaded. */
  static fromObjects<T>(
    namespace: string | Namespace<T>,
    objects: Readonly<Record<string, T>> | ReadonlyArray<readonly [string, T]>,
  ): ExtensionSet<T> {
    return new ExtensionSet(handedInParts(namespace, objects));
  }

  /** Every extension found, in discovery order, whatever its state. */
  get extensions(): readonly Extension<T>[] {
    this.#all ??= this.#found.map((_, i) => this.#record(i));
    return this.#all;
  }

  /** Extensions still enabled, in the order the policies chose. */
  enabled(): Extension<T>[] {
    return this.#ordered().filter((e) => e.isEnabled);
  }

  /** Extensions loaded and still enabled, in policy order. */
  ready(): Extension<T>[] {
    return this.#ordered().filter((e) => e.isReady);
  }

  /**
   * Every extension declared under `name` (more than one means a conflict).
   * Only these records are made: the cheap way to look at one plugin.
   */
  named(name: string): Extension<T>[] {
    return this.#recordsAt(indexesOf(this.#found, name));
  }

  /** Distinct names of every extension found, enabled or not. Makes no record. */
  names(): string[] {
    return [...new Set(this.#found.map((e) => e.name))];
  }

  /** Whether anything was declared under `name`, enabled or not. Makes no record. */
  has(name: string): boolean {
    return indexesOf(this.#found, name).length > 0;
  }

  /** Every record, in discovery order, whatever its state: `for (const e of set)`. */
  [Symbol.iterator](): Iterator<Extension<T>> {
    return this.extensions[Symbol.iterator]();
  }

  /**
   * Loads every enabled extension (concurrently; each imports once) and
   * returns the ones that are ready, in policy order. A failure is recorded on
   * its extension; with `onLoadFailure: 'raise'` the first one is also thrown.
   */
  async loadAll(): Promise<Extension<T>[]> {
    await this.#loadEach(this.enabled());
    return this.ready();
  }

  /**
   * Loads the enabled extensions declared under `names`, and only those: the
   * modules of every other plugin are never evaluated, and their failures
   * never recorded. What a manager that calls some plugins loads (a hook
   * manager, a dispatcher narrowed to names). Returns the ready ones among
   * them, in policy order. A name nothing declares loads nothing (a hook
   * nobody hooks is no mistake); a caller for whom it is one asks
   * `claimant(name)` first, as the dispatcher does.
   */
  async loadNamed(names: readonly string[]): Promise<Extension<T>[]> {
    const wanted = new Set(names);
    const inNames = (e: Extension<T>) => wanted.has(e.name);
    await this.#loadEach(this.#ordered().filter((e) => e.isEnabled && inNames(e)));
    return this.ready().filter(inNames);
  }

  /**
   * The one extension that answers to `name`, decided as every pattern that
   * uses one plugin by name decides (the driver, and `load` below): among the
   * enabled records, with one declaration found by two sources counted once
   * and its first record used (claimants.ts). A disabled or refused record
   * claims nothing. Several claimants left is an AmbiguousPluginError (the
   * loader never picks one silently); nothing declared under the name, a
   * NoMatchingPluginError with the nearest name. With records but none
   * enabled, the first: its load() says why it is unavailable. Imports nothing.
   */
  claimant(name: string): Extension<T> {
    return chooseClaimant(this.namespace, name, this.named(name), () => this.names());
  }

  /**
   * Loads the one extension called `name` (`claimant`): a typed error if
   * there is none, or if several enabled claimants answer to the name.
   */
  load(name: string): Promise<T> {
    let extension: Extension<T>;
    try {
      extension = this.claimant(name);
    } catch (error) {
      return Promise.reject(error);
    }
    return extension.load();
  }

  /** Plain JSON for every extension: what `list` and `--json` print. */
  report(): ExtensionReport[] {
    return this.extensions.map((e) => e.toJSON());
  }

  /**
   * The records the policies kept, in their order; with no policies, every
   * record as found. Callers filter by state.
   */
  #ordered(): readonly Extension<T>[] {
    return this.#order === undefined ? this.extensions : this.#order.map((i) => this.#record(i));
  }

  /** Loads `extensions` (concurrently; each imports once); with `raise`, throws the first failure. */
  async #loadEach(extensions: readonly Extension<T>[]): Promise<void> {
    const outcomes = await Promise.allSettled(extensions.map((e) => e.load()));
    if (this.#onLoadFailure === 'raise') {
      const failed = extensions.find(
        (e, i) => outcomes[i]?.status === 'rejected' && e.state.status === 'failed',
      );
      if (failed !== undefined && failed.state.status === 'failed') throw failed.state.error;
    }
  }

  /** Record `i`, made on first use (with the other records of its name); every later use gets the same record. */
  #record(i: number): Extension<T> {
    const made = this.#records.get(i);
    if (made !== undefined) return made;
    this.#recordsAt(indexesOf(this.#found, (this.#found[i] as EntryPoint).name));
    return this.#records.get(i) as Extension<T>;
  }

  /**
   * The records at `indexes`, the declarations of one name, made on first use.
   * They are made together, so that a repeat is set aside before anyone can
   * see it enabled: a plugin found by two sources is loaded once, from its
   * first record, since loading the repeat would integrate it again (a second
   * instance, a second `setup(host)` registering everything twice). The
   * repeat is turned off, saying which record is used (claimants.ts).
   */
  #recordsAt(indexes: readonly number[]): Extension<T>[] {
    const records: Extension<T>[] = [];
    let madeNow = false;
    for (const k of indexes) {
      let record = this.#records.get(k);
      if (record === undefined) {
        record = this.#make(k);
        this.#records.set(k, record);
        madeNow = true;
      }
      records.push(record);
    }
    if (madeNow && records.length > 1) setAsideRepeats(records.filter((e) => e.isEnabled));
    return records;
  }
}
