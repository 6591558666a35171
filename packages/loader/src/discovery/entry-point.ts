/**
 * What discovery produces: declarations, never code. An entry point says
 * "plugin NAME of NAMESPACE lives at REFERENCE" and where that claim came from.
 * Nothing here has been imported yet; the importer does that later, lazily.
 */
import type { DiscoveryError } from '../errors/kinds.ts';
import type { ImportTarget } from '../shared/import-target.ts';

/** Where a plugin was declared: the provenance shown by `list` and `explain`. */
export type PluginSource =
  | {
      readonly kind: 'package';
      /**
       * The name the package was found under: the key of the dependency list
       * that installed it (its folder in node_modules), or the package the
       * host named. Never what its own package.json claims.
       */
      readonly packageName: string;
      /** What its package.json calls it, when that is another valid name (reports show both). */
      readonly claimedName?: string;
      readonly version: string;
      /** Real path of the package's folder (symlinks resolved). */
      readonly root: string;
      /** How the package was found: by a scan, named by the host, or listed by a static manifest. */
      readonly via: 'package-scan' | 'reference-list' | 'static-manifest';
    }
  | {
      readonly kind: 'file';
      /** Absolute real path of the plugin file. */
      readonly path: string;
      readonly via: 'file-list' | 'directory-scan';
    }
  | {
      /** Handed in by the host as an object (tests, `ExtensionSet.fromObjects`). */
      readonly kind: 'object';
      readonly via: 'in-memory';
    }
  | {
      /**
       * A declaration refused before any package or file was found for it: a
       * host's list naming a package that is not installed, say. Where it was
       * read (`reference list, plugin "sqlite"`), and the kind of source that
       * read it.
       */
      readonly kind: 'declaration';
      readonly origin: string;
      readonly via: string;
    };

export interface EntryPoint {
  readonly namespace: string;
  readonly name: string;
  /** The reference exactly as declared, e.g. `./storage/memory:MemoryStorage`. */
  readonly reference: string;
  readonly source: PluginSource;
  /**
   * Where the importer will go. Resolving is cheap and pure (no code runs), but
   * it touches the file system, so sources may defer it until import.
   */
  readonly target: ImportTarget | (() => ImportTarget);
}

/** A declaration that could not be accepted: kept, reported, never imported. */
export interface DiscoveryProblem {
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  /** Where the declaration was read: a package.json path, a file, a list entry. */
  readonly origin: string;
  /** The declared reference, when one could be read. */
  readonly reference?: string | undefined;
  /** The declaring package or file, when known. */
  readonly source?: PluginSource | undefined;
  readonly error: DiscoveryError;
}

export interface DiscoveryReport {
  readonly entryPoints: readonly EntryPoint[];
  readonly problems: readonly DiscoveryProblem[];
}

/**
 * One of the essay's ways of finding plugins. `discover` reads declarations
 * for one namespace (or every namespace when none is given) and must not
 * import plugin code. It is synchronous on purpose: finding plugins is start-up
 * work the host waits for anyway, and a sync scan of package.json files is the
 * fastest there is.
 */
export interface DiscoverySource {
  /** Shown in reports, e.g. `package-scan`. */
  readonly kind: string;
  discover(namespace?: string): DiscoveryReport;
}
