/**
 * The loader's pipeline for one namespace: discover → enable → (lazily)
 * import → integrate → enforce. The result is a set of extension records that
 * the pattern packages (driver, dispatcher, iterator) invoke.
 *
 * Construction is synchronous and imports nothing: it reads declarations and
 * applies the enabling policies. Code is imported only by `load`/`loadAll`,
 * once per extension.
 */
import type { DiscoveryProblem, DiscoverySource, EntryPoint } from '../discovery/entry-point.ts';
import type { EnablingPolicy } from '../enabling/policy.ts';
import type { Contract } from '../enforcement/contract.ts';
import { AmbiguousPluginError, NoMatchingPluginError } from '../errors/kinds.ts';
import { type Importer, importExport } from '../importing/importer.ts';
import type { Integration } from '../integration/integration.ts';
import type { Namespace } from '../namespace.ts';
import { closestName } from '../util/closest-name.ts';
import { applyPolicies, type UnmatchedName } from './apply-policies.ts';
import { Extension } from './extension.ts';
import { describeSource, type ExtensionReport } from './extension-report.ts';
import { runLoadSteps } from './load-steps.ts';

export interface ExtensionSetOptions<T> {
  /** The namespace, as a name or as a typed `Namespace<T>` (which may carry a contract). */
  readonly namespace: string | Namespace<T>;
  /** Where to look. Several sources are read in order and their findings joined. */
  readonly sources: readonly DiscoverySource[];
  /** Applied in order; each narrows what the previous kept. Default: all installed. */
  readonly policies?: readonly EnablingPolicy[];
  /** How an export becomes the object the host calls. Default: used as it is. */
  readonly integration?: Integration<T>;
  /** What the object must provide. Default: the namespace's contract, if any. */
  readonly contract?: Contract<T>;
  /** `record` (default): a plugin that fails to load is reported and skipped. `raise`: loadAll throws. */
  readonly onLoadFailure?: 'record' | 'raise';
  readonly importer?: Importer;
}

export class ExtensionSet<T = unknown> {
  readonly namespace: string;
  /** Every extension found, in discovery order, whatever its state. */
  readonly extensions: readonly Extension<T>[];
  /** Declarations that could not become extensions (no name could be read, say). */
  readonly problems: readonly DiscoveryProblem[];
  /** Names a policy was configured with that match no plugin. */
  readonly unmatched: readonly UnmatchedName[];
  readonly #order: readonly Extension<T>[];
  readonly #onLoadFailure: 'record' | 'raise';

  private constructor(
    namespace: string,
    parts: {
      extensions: Extension<T>[];
      order: Extension<T>[];
      problems: DiscoveryProblem[];
      unmatched: UnmatchedName[];
      onLoadFailure: 'record' | 'raise';
    },
  ) {
    this.namespace = namespace;
    this.extensions = parts.extensions;
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
    const policies = options.policies ?? [];
    const loadSteps = runLoadSteps<T>({
      importer: options.importer ?? importExport,
      integration: options.integration,
      contract,
      policies,
    });

    const extensions: Extension<T>[] = [];
    const problems: DiscoveryProblem[] = [];
    for (const source of options.sources) {
      const report = source.discover(namespace);
      for (const entry of report.entryPoints) {
        if (entry.namespace !== namespace) continue;
        const extension = new Extension<T>(entry, loadSteps);
        extension.pass('discovery', source.kind, `declared "${entry.reference}"`);
        extensions.push(extension);
      }
      for (const problem of report.problems) {
        if (problem.namespace !== undefined && problem.namespace !== namespace) continue;
        if (problem.name === undefined) {
          problems.push(problem);
          continue;
        }
        // A refused declaration still gets a record, so `explain` can say why.
        const extension = new Extension<T>(unloadable(namespace, problem), loadSteps);
        extension.fail(problem.error, source.kind);
        extensions.push(extension);
      }
    }

    const { order, unmatched } = applyPolicies(extensions, policies);
    return new ExtensionSet(namespace, {
      extensions,
      order,
      problems,
      unmatched,
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
      extensions,
      order: extensions,
      problems: [],
      unmatched: [],
      onLoadFailure: 'record',
    });
  }

  /** Extensions still enabled, in the order the policies chose. */
  enabled(): Extension<T>[] {
    return this.#order.filter((e) => e.isEnabled);
  }

  /** Extensions loaded and still enabled, in policy order. */
  ready(): Extension<T>[] {
    return this.#order.filter((e) => e.isReady);
  }

  /** Every extension declared under `name` (more than one means a conflict). */
  named(name: string): Extension<T>[] {
    return this.extensions.filter((e) => e.name === name);
  }

  /** Distinct names of every extension found, enabled or not. */
  names(): string[] {
    return [...new Set(this.extensions.map((e) => e.name))];
  }

  /**
   * Loads every enabled extension (concurrently; each imports once) and
   * returns the ones that are ready, in policy order. A failure is recorded on
   * its extension; with `onLoadFailure: 'raise'` the first one is also thrown.
   */
  async loadAll(): Promise<Extension<T>[]> {
    const enabled = this.enabled();
    const outcomes = await Promise.allSettled(enabled.map((e) => e.load()));
    if (this.#onLoadFailure === 'raise') {
      const failed = enabled.find(
        (e, i) => outcomes[i]?.status === 'rejected' && e.state.status === 'failed',
      );
      if (failed !== undefined && failed.state.status === 'failed') throw failed.state.error;
    }
    return this.ready();
  }

  /**
   * Loads the one extension called `name`; a typed error if there is none, or
   * if several enabled extensions claim the name (the loader never picks one
   * silently).
   */
  load(name: string): Promise<T> {
    const claimants = this.named(name);
    const enabled = claimants.filter((e) => e.isEnabled);
    if (enabled.length > 1) {
      return Promise.reject(
        new AmbiguousPluginError({
          namespace: this.namespace,
          name,
          claimants: enabled.map((e) => `${describeSource(e.source)} (${e.reference})`),
        }),
      );
    }
    // With no enabled claimant, the first one's load() says why it is unavailable.
    const extension = enabled[0] ?? claimants[0];
    if (extension === undefined) {
      return Promise.reject(
        new NoMatchingPluginError({
          namespace: this.namespace,
          name,
          available: this.names(),
          closest: closestName(name, this.names()),
        }),
      );
    }
    return extension.load();
  }

  /** Plain JSON for every extension: what `list` and `--json` print. */
  report(): ExtensionReport[] {
    return this.extensions.map((e) => e.toJSON());
  }
}

function unloadable(namespace: string, problem: DiscoveryProblem): EntryPoint {
  return {
    namespace,
    name: problem.name ?? '<unnamed>',
    reference: problem.reference ?? problem.origin,
    source: problem.source ?? { kind: 'file', path: problem.origin, via: 'file-list' },
    target: () => {
      throw problem.error;
    },
  };
}
