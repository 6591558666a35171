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
 */
import type { DiscoveryProblem, DiscoverySource, EntryPoint } from '../discovery/entry-point.ts';
import type { EnablingPolicy } from '../enabling/policy.ts';
import type { Contract } from '../enforcement/contract.ts';
import { AmbiguousPluginError, NoMatchingPluginError } from '../errors/kinds.ts';
import { type Importer, importExport } from '../importing/importer.ts';
import type { Integration } from '../integration/integration.ts';
import type { Namespace } from '../namespace.ts';
import { closestName } from '../shared/closest-name.ts';
import { traceDiscovery } from '../tracing/trace-stage.ts';
import { applyPolicies, recordDecisions, type UnmatchedName } from './apply-policies.ts';
import { labelClaimants, setAsideRepeats } from './claimants.ts';
import { Extension } from './extension.ts';
import type { ExtensionReport } from './extension-report.ts';
import { gatherDeclarations, indexesOf } from './gather-declarations.ts';
import { runLoadSteps } from './load-steps.ts';

export interface ExtensionSetOptions<T> {
  /** The namespace, as a name or as a typed `Namespace<T>` (which may carry a contract). */
  readonly namespace: string | Namespace<T>;
  /** Where to look. Several sources are read in order and their findings joined. */
  readonly sources: readonly DiscoverySource[];
  // Each option may also be given as undefined, meaning its default: a caller
  // passing its own options on needs no spread per option.
  /** Applied in order; each narrows what the previous kept. Default: all installed. */
  readonly policies?: readonly EnablingPolicy[] | undefined;
  /** How an export becomes the object the host calls. Default: used as it is. */
  readonly integration?: Integration<T> | undefined;
  /** What the object must provide. Default: the namespace's contract, if any. */
  readonly contract?: Contract<T> | undefined;
  /** `record` (default): a plugin that fails to load is reported and skipped. `raise`: loadAll throws. */
  readonly onLoadFailure?: 'record' | 'raise' | undefined;
  /**
   * How long loading one plugin (import, integration, enforcement, self-check)
   * may take before it fails with a PluginTimeoutError at the stage it was
   * stuck at. Default: no limit, as for a plain `import()`.
   */
  readonly loadTimeoutMs?: number | undefined;
  readonly importer?: Importer | undefined;
}

/** Shared by every set without policies, or without unmatched names: nobody writes into them. */
const NO_POLICIES: readonly EnablingPolicy[] = Object.freeze([]);
const NO_UNMATCHED: readonly UnmatchedName[] = Object.freeze([]);

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

  private constructor(
    namespace: string,
    parts: {
      found: readonly EntryPoint[];
      make: (index: number) => Extension<T>;
      order: readonly number[] | undefined;
      problems: readonly DiscoveryProblem[];
      unmatched: readonly UnmatchedName[];
      onLoadFailure: 'record' | 'raise';
    },
  ) {
    this.namespace = namespace;
    this.#found = parts.found;
    this.#make = parts.make;
    this.#order = parts.order;
    this.problems = parts.problems;
    this.unmatched = parts.unmatched;
    this.#onLoadFailure = parts.onLoadFailure;
  }

  /** Runs discovery and enabling for one namespace. Imports nothing. */
  static discover<T>(options: ExtensionSetOptions<T>): ExtensionSet<T> {
    const namespace =
      typeof options.namespace === 'string' ? options.namespace : options.namespace.name;
    const contract =
      options.contract ??
      (typeof options.namespace === 'string' ? undefined : options.namespace.contract);
    const policies = options.policies ?? NO_POLICIES;
    const loadSteps = runLoadSteps<T>({
      importer: options.importer ?? importExport,
      integration: options.integration,
      contract,
      policies,
      loadTimeoutMs: options.loadTimeoutMs,
    });

    const { found, refusals, problems, foundBy } = traceDiscovery(namespace, options.sources, () =>
      gatherDeclarations(namespace, options.sources),
    );
    // Without policies, every declaration is kept, in discovery order: no list to build.
    const outcome = policies.length === 0 ? undefined : applyPolicies(found, refusals, policies);
    const decisions = outcome?.decisions;
    const make = (i: number): Extension<T> => {
      const entry = found[i] as EntryPoint;
      const extension = new Extension<T>(entry, loadSteps);
      const refusal = refusals.size === 0 ? undefined : refusals.get(i);
      if (refusal !== undefined) {
        extension.fail(refusal, foundBy(i));
      } else {
        extension.pass('discovery', foundBy(i), `declared "${entry.reference}"`);
        if (decisions !== undefined) recordDecisions(extension, decisions.get(entry.name), i);
      }
      return extension;
    };
    return new ExtensionSet(namespace, {
      found,
      make,
      order: outcome?.order,
      problems,
      unmatched: outcome?.unmatched ?? NO_UNMATCHED,
      onLoadFailure: options.onLoadFailure ?? 'record',
    });
  }

  /** The test seam: a set built from objects the host hands in, already loaded. */
  static fromObjects<T>(
    namespace: string | Namespace<T>,
    objects: Readonly<Record<string, T>> | ReadonlyArray<readonly [string, T]>,
  ): ExtensionSet<T> {
    const name = typeof namespace === 'string' ? namespace : namespace.name;
    const pairs = Array.isArray(objects) ? objects : Object.entries(objects);
    const extensions = pairs.map(([pluginName, object]) =>
      Extension.preloaded(name, pluginName, object),
    );
    return new ExtensionSet(name, {
      // A record carries everything an entry point does, target included.
      found: extensions,
      make: (i) => extensions[i] as Extension<T>,
      order: undefined,
      problems: [],
      unmatched: [],
      onLoadFailure: 'record',
    });
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
    const records = this.named(name);
    // The usual case, one record: it answers, or its load() says why it cannot.
    if (records.length === 1) return records[0] as Extension<T>;
    // The repeats are set aside already (see the top of this file): every
    // enabled record left is a claimant of its own, and more than one is a
    // conflict, labelled apart.
    const enabled = records.filter((e) => e.isEnabled);
    if (enabled.length > 1) {
      throw new AmbiguousPluginError({
        namespace: this.namespace,
        name,
        claimants: labelClaimants(enabled).map((c) => c.label),
      });
    }
    const extension = enabled[0] ?? records[0];
    if (extension === undefined) throw this.#noMatch(name);
    return extension;
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

  #noMatch(name: string): NoMatchingPluginError {
    const available = this.names();
    return new NoMatchingPluginError({
      namespace: this.namespace,
      name,
      available,
      closest: closestName(name, available),
    });
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
