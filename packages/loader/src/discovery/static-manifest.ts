/**
 * Discovery at build time: the static manifest. A package scan runs once, when
 * the host is built (`plugin-patterns manifest`, or `writeStaticManifest`), and
 * writes a module that lists every declaration it found, each with a static
 * `() => import('pkg/subpath')`. The host imports that module; this source
 * turns it into entry points. No node_modules is scanned when a process starts,
 * and because the imports are written out, a bundler (esbuild, Rollup, Vite)
 * follows them and puts the plugins in the bundle.
 *
 * What it trades: the set of plugins is fixed when the manifest is written.
 * Installing or removing a plugin means writing it again (and rebuilding). So
 * the manifest keeps a fingerprint of the files an install changes
 * (manifest-fingerprint.ts), and where the install is there to compare with
 * (a `node_modules` in the host's folder), a manifest that no longer matches
 * is refused: `discover()` throws a DiscoveryError that says what changed.
 * Unlike a bad declaration, which is one plugin's problem and reported beside
 * the others, a stale manifest is a wrong build: none of it can be trusted,
 * and it is never used silently. A bundle deployed without node_modules carries its plugins;
 * check it when it is built (`plugin-patterns manifest --check`).
 *
 * Everything after discovery is the loader's as for any other source:
 * policies, contracts, records and errors.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { escapeUnsafe } from '../shared/unsafe-text.ts';
import type {
  DiscoveryProblem,
  DiscoveryReport,
  DiscoverySource,
  EntryPoint,
} from './entry-point.ts';
import { type FileStamp, whatChanged } from './manifest-fingerprint.ts';
import type { ScannedSource } from './package-entry-point.ts';

/** The version of the module's shape; a manifest of another is refused. */
export const MANIFEST_FORMAT = 'plugin-patterns/static-manifest@1';

/** `[name, version, folder relative to the host]` of a declaring package. */
export type ManifestPackage = readonly [name: string, version: string, root: string];

/** `[plugin name, reference as declared, index in packages, specifier, export, its import]`. */
export type ManifestPlugin = readonly [
  name: string,
  reference: string,
  packageIndex: number,
  specifier: string,
  exportName: string,
  load: () => Promise<unknown>,
];

/** A declaration the build-time scan refused, kept to be reported as the scan would. */
export interface ManifestProblem {
  readonly namespace?: string;
  readonly name?: string;
  readonly origin: string;
  readonly reference?: string;
  readonly packageIndex?: number;
  /** True when it was refused for pointing out of its package (a ReferenceEscapeError). */
  readonly escapes?: boolean;
  readonly message: string;
}

/** What a manifest module exports as its default. */
export interface StaticManifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** `[file relative to the host, its size and hash, its mtime]`, as when written. */
  readonly fingerprint: readonly FileStamp[];
  readonly packages: readonly ManifestPackage[];
  /** Namespace -> its plugins. */
  readonly plugins: Readonly<Record<string, readonly ManifestPlugin[]>>;
  readonly problems: readonly ManifestProblem[];
}

export interface StaticManifestOptions {
  /** The host's folder the manifest was written for. Default: `process.cwd()`. */
  readonly cwd?: string;
  /**
   * When to compare the fingerprint: `installed` (default) where the host's
   * folder has a node_modules, `always`, or `never` (a bundle checked at build).
   */
  readonly check?: 'installed' | 'always' | 'never';
}

/** The outcome of the fingerprint check. */
export interface ManifestCheck {
  readonly checked: boolean;
  /** What changed, when the manifest is stale; undefined when it is current or unchecked. */
  readonly stale: string | undefined;
}

export interface StaticManifestSource extends DiscoverySource {
  readonly kind: 'static-manifest';
  /** The fingerprint check, made at the first `discover()` (which throws when the manifest is stale). */
  readonly lastCheck: ManifestCheck | undefined;
}

export function staticManifest(
  manifest: StaticManifest,
  options: StaticManifestOptions = {},
): StaticManifestSource {
  if (manifest === null || typeof manifest !== 'object' || manifest.format !== MANIFEST_FORMAT) {
    const format = (manifest as { format?: unknown } | null)?.format;
    throw new TypeError(
      `staticManifest: not a manifest of format ${MANIFEST_FORMAT} (got ${JSON.stringify(format) ?? 'no format'}); run "plugin-patterns manifest" again`,
    );
  }
  return new ManifestSource(manifest, resolve(options.cwd ?? process.cwd()), options.check);
}

class ManifestSource implements StaticManifestSource {
  readonly kind = 'static-manifest';
  readonly #manifest: StaticManifest;
  readonly #cwd: string;
  readonly #when: 'installed' | 'always' | 'never';
  #check: ManifestCheck | undefined;
  readonly #sources: (ScannedSource | undefined)[] = [];
  // Keyed by the namespace asked for; undefined (all of them) is a key of its own.
  readonly #reports = new Map<string | undefined, DiscoveryReport>();

  constructor(manifest: StaticManifest, cwd: string, when: StaticManifestOptions['check']) {
    this.#manifest = manifest;
    this.#cwd = cwd;
    this.#when = when ?? 'installed';
  }

  get lastCheck(): ManifestCheck | undefined {
    return this.#check;
  }

  discover(namespace?: string): DiscoveryReport {
    this.#check ??= this.#checkFingerprint();
    if (this.#check.stale !== undefined) throw this.#staleError(namespace, this.#check.stale);
    let report = this.#reports.get(namespace);
    if (report === undefined) {
      report = Object.freeze(this.#report(namespace));
      this.#reports.set(namespace, report);
    }
    return report;
  }

  #checkFingerprint(): ManifestCheck {
    const wanted =
      this.#when === 'always' ||
      (this.#when === 'installed' && existsSync(join(this.#cwd, 'node_modules')));
    if (!wanted) return { checked: false, stale: undefined };
    const changed = whatChanged(this.#cwd, this.#manifest.fingerprint);
    if (changed !== undefined) {
      // The file's path and the host's folder are whatever the disk holds: escaped.
      return {
        checked: true,
        stale: `${escapeUnsafe(changed)} changed since the manifest was written`,
      };
    }
    return { checked: true, stale: undefined };
  }

  /** Only the namespace asked for is turned into entry points. */
  #report(namespace: string | undefined): DiscoveryReport {
    const entryPoints: EntryPoint[] = [];
    const namespaces = namespace === undefined ? Object.keys(this.#manifest.plugins) : [namespace];
    for (const ns of namespaces) {
      const plugins =
        (Object.hasOwn(this.#manifest.plugins, ns) ? this.#manifest.plugins[ns] : undefined) ?? [];
      for (const [name, reference, index, specifier, exportName, load] of plugins) {
        entryPoints.push({
          namespace: ns,
          name,
          reference,
          source: this.#source(index),
          target: { url: specifier, exportName, import: load },
        });
      }
    }
    const problems = this.#manifest.problems
      .filter((p) => namespace === undefined || p.namespace === namespace)
      .map((p) => this.#problem(p));
    return { entryPoints: Object.freeze(entryPoints), problems: Object.freeze(problems) };
  }

  #staleError(namespace: string | undefined, stale: string): DiscoveryError {
    const why =
      `the static manifest is stale: ${stale} (in ${escapeUnsafe(this.#cwd)}); ` +
      'run "plugin-patterns manifest" again, and rebuild';
    return new DiscoveryError(why, { namespace: namespace ?? '' });
  }

  #problem(p: ManifestProblem): DiscoveryProblem {
    const who = { namespace: p.namespace ?? '', name: p.name };
    const error =
      p.escapes === true
        ? new ReferenceEscapeError(p.reference ?? '', p.message, who)
        : new DiscoveryError(p.message, who);
    return {
      namespace: p.namespace,
      name: p.name,
      origin: p.origin,
      reference: p.reference,
      source: p.packageIndex === undefined ? undefined : this.#source(p.packageIndex),
      error,
    };
  }

  /** One source object per package, made when first needed. */
  #source(index: number): ScannedSource {
    let source = this.#sources[index];
    if (source === undefined) {
      const [packageName, version, root] = this.#manifest.packages[index] ?? ['?', '?', '.'];
      source = {
        kind: 'package',
        via: 'static-manifest',
        packageName,
        version,
        root: resolve(this.#cwd, root),
      };
      this.#sources[index] = source;
    }
    return source;
  }
}
