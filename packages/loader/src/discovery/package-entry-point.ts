/**
 * The entry point of a plugin declared by a scanned package, whether the scan
 * just read it or the discovery cache kept it. Its target is resolved the
 * first time it is asked for (when the plugin is loaded), and remembered.
 *
 * The target is an own property holding a function, as `EntryPoint` allows:
 * a host that copies an entry point (`{ ...entry }`) keeps a target that
 * works, which a method on the prototype would not give it.
 */
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import type { ImportTarget } from '../shared/import-target.ts';
import { splitAtExport } from '../shared/reference.ts';
import { resolvePackageModule } from '../shared/resolve.ts';
import { escapeUnsafe } from '../shared/unsafe-text.ts';
import { shorten } from './declared-names.ts';
import type { EntryPoint, PluginSource } from './entry-point.ts';

/** Where a scanned package's plugins come from, as reports show it. */
export type ScannedSource = Extract<PluginSource, { readonly kind: 'package' }>;

/** What resolving a package's reference needs beyond its source. */
export interface PackageManifestFacts {
  readonly hasExports: boolean;
  /** The manifest's `exports`, when the scan kept it; read from package.json otherwise. */
  readonly exports?: unknown;
}

export class PackageEntryPoint implements EntryPoint {
  readonly namespace: string;
  readonly name: string;
  readonly reference: string;
  readonly source: ScannedSource;
  readonly target: () => ImportTarget;
  readonly #manifest: PackageManifestFacts;
  // The first resolution's outcome, kept either way: a reference that could
  // not be resolved fails again with the same error, without a second look at
  // the disk, so whoever asks (a load, a report, `explain`) hears one story.
  #resolved: ImportTarget | undefined;
  #refused: DiscoveryError | undefined;

  /** `reference` has passed the checks of a scan (checkDeclaration). */
  constructor(
    namespace: string,
    name: string,
    reference: string,
    source: ScannedSource,
    manifest: PackageManifestFacts,
  ) {
    this.namespace = namespace;
    this.name = name;
    this.reference = reference;
    this.source = source;
    this.#manifest = manifest;
    this.#resolved = undefined;
    this.#refused = undefined;
    this.target = () => this.#resolve();
  }

  #resolve(): ImportTarget {
    if (this.#resolved !== undefined) return this.#resolved;
    if (this.#refused !== undefined) throw this.#refused;
    try {
      this.#resolved = this.#resolveNow();
    } catch (error) {
      // #resolveNow throws nothing else: resolution reports its failures as results.
      this.#refused = error as DiscoveryError;
      throw error;
    }
    return this.#resolved;
  }

  /** Through the package's own `exports` (or Node's rules without one), inside its folder. */
  #resolveNow(): ImportTarget {
    const { reference, source } = this;
    // The scan (or the cache, on reading it) accepted the reference: it only
    // needs splitting. Split here rather than kept from the scan, so that an
    // entry point holds nothing a load may never need.
    const { module, exportName } = splitAtExport(reference);
    const result = resolvePackageModule({
      root: source.root,
      packageName: source.packageName,
      hasExports: this.#manifest.hasExports,
      exports: this.#manifest.exports,
      module,
      exportName,
    });
    if (result.ok) return result.target;
    const who = { namespace: this.namespace, name: this.name };
    // The reason quotes the package's folder, which is whatever the disk
    // holds: escaped for the message. The reference (the parser refused any
    // unsafe character in it) is only cut to a readable length.
    const shown = shorten(reference, 200);
    const why = escapeUnsafe(result.why);
    if (result.escapes) throw new ReferenceEscapeError(shown, why, who);
    throw new DiscoveryError(
      `import reference "${shown}" of ${source.packageName}@${source.version} cannot be resolved: ${why}`,
      { ...who, cause: result.cause },
    );
  }
}

/** The source of a package found by a scan; `claimedName` is what its manifest says, if other. */
export function scannedSource(
  packageName: string,
  version: string,
  root: string,
  claimedName?: string,
): ScannedSource {
  const source = { kind: 'package', via: 'package-scan', packageName, version, root } as const;
  return claimedName === undefined ? source : { ...source, claimedName };
}
