/**
 * Discovery by scanning installed packages for a declared field — the
 * setuptools entry-point approach, where installing a package is what
 * activates its plugins. A host chooses it when third parties should be able
 * to add plugins without the host's configuration changing: `npm install` is
 * the whole act of enabling (an enabling policy can still narrow it).
 *
 * One scan reads every namespace at once, so one scan (and one cache file)
 * serves all of a host's namespaces; `discover(namespace)` only filters. The
 * scan reads manifests and nothing else: no plugin code is imported, and even
 * resolving a reference to a file waits until that plugin is loaded.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { escapeUnsafe } from '../shared/unsafe-text.ts';
import { type CacheState, cacheFileFor, readScanCache, writeScanCache } from './cache/cache.ts';
import type { DiscoveryReport, DiscoverySource } from './entry-point.ts';
import { walkInstalledPackages } from './installed-packages.ts';
import type { DependencyField } from './package-walk.ts';
import { type Findings, readFields, reportFor, withEntryPoints } from './scan-findings.ts';

export interface PackageScanOptions {
  /** The host's folder, holding its package.json. Default: `process.cwd()`. */
  readonly cwd?: string;
  /** The manifest field that declares plugins. Default: `entryPoints`. */
  readonly field?: string;
  /** Which of the host's dependency lists to scan. Default: dependencies and optionalDependencies. */
  readonly include?: readonly DependencyField[];
  /** Also scan dependencies of dependencies: `true` for all levels, a number for that many. */
  readonly transitive?: boolean | number;
  /**
   * Where to keep the scan between runs (default `node_modules/.cache/plugin-patterns/`), or
   * `false`. Operators can also turn it off without code: `PLUGIN_PATTERNS_DISCOVERY_CACHE=off`
   * in the environment, or a file named `disabled` in the cache folder.
   */
  readonly cache?: { readonly dir?: string } | false;
  /**
   * Also look for dependencies in the node_modules of the host's parent
   * folders, as Node does: for a workspace whose packages are hoisted to its
   * root (npm, yarn). Default `false`: only the host's own node_modules, so a
   * folder above the host cannot add plugins to it.
   */
  readonly hoisted?: boolean;
}

/** How the last scan went: for reports, the tour's tables and benchmarks. */
export interface ScanStats {
  readonly fromCache: boolean;
  /** package.json files read (0 when the cache answered). */
  readonly packagesRead: number;
  readonly ms: number;
  readonly cache: CacheState;
  /** Why the cache was not used, or could not be written; undefined on a clean hit. */
  readonly cacheNote: string | undefined;
  readonly cacheFile: string | undefined;
}

export interface PackageScanSource extends DiscoverySource {
  readonly kind: 'package-scan';
  /** Undefined until the first `discover()`. */
  readonly lastScan: ScanStats | undefined;
  /** Forgets the scan held in memory: the next `discover()` checks the cache or scans again. */
  refresh(): void;
}

export const DEFAULT_FIELD = 'entryPoints';
const DEPENDENCY_FIELDS = [
  'dependencies',
  'optionalDependencies',
  'devDependencies',
  'peerDependencies',
] as const;

export function packageScan(options: PackageScanOptions = {}): PackageScanSource {
  return new PackageScan(settle(options));
}

/**
 * The source `packageScan` returns. A class rather than an object literal
 * with a getter: V8 gives every such literal a shape of its own, and a host
 * (or a benchmark) that makes many sources then keeps each dead one's
 * findings alive past the quick young-generation collections.
 */
class PackageScan implements PackageScanSource {
  readonly kind = 'package-scan';
  readonly #settings: Settings;
  #findings: Findings | undefined;
  #lastScan: ScanStats | undefined;
  // One report per namespace, built on first request and frozen: every
  // extension set (a driver load, say) asking again gets the same lists, and
  // the loader can remember what it learned about a frozen list.
  // Keyed by the namespace asked for; undefined (all of them) is a key of its own.
  readonly #reports = new Map<string | undefined, DiscoveryReport>();

  constructor(settings: Settings) {
    this.#settings = settings;
  }

  get lastScan(): ScanStats | undefined {
    return this.#lastScan;
  }

  refresh(): void {
    this.#findings = undefined;
    this.#reports.clear();
  }

  discover(namespace?: string): DiscoveryReport {
    let findings = this.#findings;
    if (findings === undefined) {
      const started = performance.now();
      const { found, stats } = scanOrReuse(this.#settings);
      findings = this.#findings = found;
      this.#lastScan = { ...stats, ms: performance.now() - started };
    }
    let report = this.#reports.get(namespace);
    if (report === undefined) {
      const { entryPoints, problems } = reportFor(findings, namespace);
      report = Object.freeze({
        entryPoints: Object.freeze(entryPoints),
        problems: Object.freeze(problems),
      });
      this.#reports.set(namespace, report);
    }
    return report;
  }
}

interface Settings {
  readonly cwd: string;
  readonly field: string;
  readonly include: readonly DependencyField[];
  readonly levels: number;
  readonly hoisted: boolean;
  readonly cacheDir: string | undefined;
}

/** The environment variable that turns the discovery cache off (`off`, `0` or `false`). */
export const CACHE_SWITCH = 'PLUGIN_PATTERNS_DISCOVERY_CACHE';
/** A file of this name in the cache folder turns the cache off. */
export const CACHE_OFF_MARKER = 'disabled';

/**
 * Why the cache is off although the host asked for it, or undefined: an
 * operator's word, read at every scan, so turning it off needs no change of
 * code and no restart of anything but the process.
 */
function turnedOff(cacheDir: string): string | undefined {
  const switched = process.env[CACHE_SWITCH];
  if (switched !== undefined && /^(off|0|false)$/i.test(switched)) {
    return `turned off by ${CACHE_SWITCH}=${switched}`;
  }
  const marker = join(cacheDir, CACHE_OFF_MARKER);
  return existsSync(marker) ? `turned off by ${escapeUnsafe(marker)}` : undefined;
}

function scanOrReuse(settings: Settings): { found: Findings; stats: Omit<ScanStats, 'ms'> } {
  const cwd = realOrResolved(settings.cwd);
  const walkOptions = { ...settings, cwd };
  const off = settings.cacheDir === undefined ? undefined : turnedOff(settings.cacheDir);
  if (settings.cacheDir === undefined || off !== undefined) {
    const walk = walkInstalledPackages(walkOptions);
    const found = withEntryPoints(readFields(walk, settings.field));
    const stats = { fromCache: false, packagesRead: walk.packagesRead, cache: 'off' as const };
    return { found, stats: { ...stats, cacheNote: off, cacheFile: undefined } };
  }
  const key = JSON.stringify([
    cwd,
    settings.field,
    settings.include,
    String(settings.levels),
    settings.hoisted,
  ]);
  const identity = { key, host: cwd, field: settings.field };
  const file = cacheFileFor(settings.cacheDir, key);
  const cached = readScanCache(file, identity);
  if (cached.state === 'hit') {
    const stats = { fromCache: true, packagesRead: 0, cache: cached.state, cacheNote: undefined };
    return { found: cached.findings, stats: { ...stats, cacheFile: file } };
  }
  // Made before the scan stamps anything, so creating it cannot invalidate what we write.
  const defaultDir = settings.cacheDir === defaultCacheDir(settings.cwd);
  try {
    // The default folder lives in node_modules: no node_modules, no cache (never create one).
    if (!defaultDir || existsSync(join(settings.cwd, 'node_modules'))) {
      mkdirSync(settings.cacheDir, { recursive: true });
    }
  } catch {
    // reported below, when the write fails
  }
  const walk = walkInstalledPackages(walkOptions);
  const scan = readFields(walk, settings.field);
  const failed = writeScanCache(file, identity, scan, walk.fingerprint);
  const note = failed === undefined ? cached.why : `${cached.why}; ${failed}`;
  const stats = { fromCache: false, packagesRead: walk.packagesRead, cache: cached.state };
  return { found: withEntryPoints(scan), stats: { ...stats, cacheNote: note, cacheFile: file } };
}

/** Checks the host's options once, up front: a typo here is the host's bug, so it throws. */
function settle(options: PackageScanOptions): Settings {
  const cwd = resolve(options.cwd ?? process.cwd());
  const field = options.field ?? DEFAULT_FIELD;
  if (typeof field !== 'string' || field.length === 0 || field.length > 200) {
    throw new TypeError('packageScan: "field" must be a non-empty string');
  }
  const include = options.include ?? ['dependencies', 'optionalDependencies'];
  for (const list of include) {
    if (!(DEPENDENCY_FIELDS as readonly string[]).includes(list)) {
      throw new TypeError(`packageScan: "include" may hold ${DEPENDENCY_FIELDS.join(', ')}`);
    }
  }
  const transitive = options.transitive ?? false;
  const levels =
    transitive === true ? Number.POSITIVE_INFINITY : transitive === false ? 0 : transitive;
  if (!(levels === Number.POSITIVE_INFINITY || (Number.isInteger(levels) && levels >= 0))) {
    throw new TypeError('packageScan: "transitive" must be a boolean or a whole number of levels');
  }
  const cache = options.cache ?? {};
  const cacheDir = cache === false ? undefined : resolve(cwd, cache.dir ?? defaultCacheDir(cwd));
  const hoisted = options.hoisted ?? false;
  if (typeof hoisted !== 'boolean') throw new TypeError('packageScan: "hoisted" must be a boolean');
  return { cwd, field, include: [...include], levels, hoisted, cacheDir };
}

/** `<cwd>/node_modules/.cache/plugin-patterns`, where build tools keep their caches. */
export function defaultCacheDir(cwd: string): string {
  return join(resolve(cwd), 'node_modules', '.cache', 'plugin-patterns');
}

function realOrResolved(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
