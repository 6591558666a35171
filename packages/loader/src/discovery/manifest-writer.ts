/**
 * Writes a static manifest (static-manifest.ts): one package scan of the host,
 * at build time, rendered as a module whose every plugin has a static
 * `() => import('pkg/subpath')` that a bundler can follow.
 *
 * Each declaration is resolved now, with the checks a load makes (the
 * package's `exports`, no link out of the package): a reference that cannot
 * be resolved, or that escapes, becomes one of the manifest's problems, as it
 * would have been at load. The import is written by the package's name when
 * the host's folder sees that very package under that name, which is how the
 * host would write it and how a bundler resolves it (through `exports`);
 * otherwise (a dependency of a dependency that the host cannot see) by a path
 * relative to the manifest.
 */
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { splitAtExport } from '../shared/reference.ts';
import type { DiscoveryProblem, EntryPoint } from './entry-point.ts';
import { findPackageManifest } from './find-package-manifest.ts';
import { fingerprintFiles, fingerprintOf } from './manifest-fingerprint.ts';
import { type PackageScanOptions, packageScan } from './package-scan.ts';
import { MANIFEST_FORMAT, type ManifestProblem } from './static-manifest.ts';

export interface WriteManifestOptions extends Omit<PackageScanOptions, 'cache'> {
  /** The module to write: `.js`/`.mjs`, or `.ts`/`.mts` for a typed one. */
  readonly out: string;
}

export interface RenderedManifest {
  readonly file: string;
  readonly text: string;
  readonly plugins: number;
  readonly problems: number;
  readonly packages: number;
}

/** Scans the host and renders its manifest, without writing it. */
export function renderStaticManifest(options: WriteManifestOptions): RenderedManifest {
  const cwd = resolve(options.cwd ?? process.cwd());
  const file = resolve(cwd, options.out);
  const report = packageScan({ ...options, cwd, cache: false }).discover();
  const packages = new PackageTable(cwd);
  const plugins = new Map<string, string[]>();
  const problems: ManifestProblem[] = report.problems.map((p) => problemOf(p, packages));
  for (const entry of report.entryPoints) {
    const line = pluginLine(entry, packages, dirname(file));
    if (typeof line !== 'string') {
      problems.push(line);
      continue;
    }
    const lines = plugins.get(entry.namespace) ?? [];
    lines.push(line);
    plugins.set(entry.namespace, lines);
  }
  const fingerprint = fingerprintOf(cwd, fingerprintFiles(cwd, packages.linkedManifests()));
  const typed = /\.m?ts$/.test(file);
  const text = [
    '// A static manifest: every plugin declared by the packages this host had',
    '// installed when it was written by `plugin-patterns manifest`. Do not edit.',
    '// After installing, removing or upgrading a plugin, write it again and rebuild:',
    '// the fingerprint is checked, and a stale manifest is reported, never used.',
    '//',
    '// packages: [name, version, folder relative to the host]',
    '// plugins:  [name, reference as declared, package (index), specifier, export, its import]',
    typed ? "import type { StaticManifest } from '@plugin-patterns/loader/static-manifest';\n" : '',
    typed ? 'const manifest: StaticManifest = {' : 'export default {',
    `  format: ${q(MANIFEST_FORMAT)},`,
    `  fingerprint: [${fingerprint.map(([f, h, t]) => `[${q(f)}, ${q(h)}, ${t}]`).join(', ')}],`,
    '  packages: [',
    ...packages.rows().map((row) => `    [${row.map(q).join(', ')}],`),
    '  ],',
    '  plugins: {',
    ...[...plugins.keys()]
      .sort()
      .flatMap((ns) => [`    ${q(ns)}: [`, ...(plugins.get(ns) ?? []), '    ],']),
    '  },',
    `  problems: ${JSON.stringify(problems)},`,
    '};',
    typed ? '\nexport default manifest;' : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  const pluginCount = [...plugins.values()].reduce((n, lines) => n + lines.length, 0);
  return {
    file,
    text: `${text}\n`,
    plugins: pluginCount,
    problems: problems.length,
    packages: packages.rows().length,
  };
}

/** Scans the host and writes its manifest. */
export function writeStaticManifest(options: WriteManifestOptions): RenderedManifest {
  const rendered = renderStaticManifest(options);
  mkdirSync(dirname(rendered.file), { recursive: true });
  writeFileSync(rendered.file, rendered.text);
  return rendered;
}

/** One plugin's line, or the problem its resolution found. */
function pluginLine(
  entry: EntryPoint,
  packages: PackageTable,
  outDir: string,
): string | ManifestProblem {
  const source = entry.source;
  if (source.kind !== 'package') throw new Error(`a package scan found a ${source.kind} source`);
  const index = packages.indexOf(source.packageName, source.version, source.root);
  let url: string;
  try {
    url = (typeof entry.target === 'function' ? entry.target() : entry.target).url;
  } catch (error) {
    // A scanned entry point's target throws only the DiscoveryError of its resolution.
    const refused = error as DiscoveryError;
    return problemOf(
      { ...entry, origin: join(source.root, 'package.json'), error: refused },
      packages,
    );
  }
  const { module, exportName } = splitAtExport(entry.reference);
  const byName = source.packageName + module.slice(1);
  const specifier = seesPackage(outDir, source.packageName, source.root)
    ? byName
    : relativeSpecifier(outDir, fileURLToPath(url));
  const fields = [q(entry.name), q(entry.reference), String(index), q(specifier), q(exportName)];
  return `      [${fields.join(', ')}, () => import(${q(specifier)})],`;
}

function problemOf(problem: DiscoveryProblem, packages: PackageTable): ManifestProblem {
  const source = problem.source;
  const escapes = problem.error instanceof ReferenceEscapeError;
  // An error's detail is its message without the `[namespace:plugin] (stage)`
  // prefix. A ReferenceEscapeError builds it from the reference and the
  // reason; the reason alone is kept, so that reading it builds the same message.
  const prefix = `import reference "${problem.reference ?? ''}" is refused: `;
  const detail = problem.error.detail;
  const message = escapes && detail.startsWith(prefix) ? detail.slice(prefix.length) : detail;
  return {
    ...(problem.namespace === undefined ? {} : { namespace: problem.namespace }),
    ...(problem.name === undefined ? {} : { name: problem.name }),
    origin: problem.origin,
    ...(problem.reference === undefined ? {} : { reference: problem.reference }),
    ...(source?.kind === 'package'
      ? { packageIndex: packages.indexOf(source.packageName, source.version, source.root) }
      : {}),
    ...(escapes ? { escapes: true } : {}),
    message,
  };
}

/** Whether an import of `name` from `dir` finds the package at `root`. */
function seesPackage(dir: string, name: string, root: string): boolean {
  const found = findPackageManifest(name, pathToFileURL(join(dir, 'manifest.js')));
  try {
    return found !== undefined && realpathSync.native(dirname(found)) === root;
  } catch {
    return false;
  }
}

function relativeSpecifier(from: string, file: string): string {
  const path = relative(from, file).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** The declaring packages, each once, in the order they were found. */
class PackageTable {
  readonly #cwd: string;
  readonly #rows: [string, string, string][] = [];
  readonly #roots: string[] = [];
  readonly #index = new Map<string, number>();

  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  indexOf(name: string, version: string, root: string): number {
    let index = this.#index.get(root);
    if (index === undefined) {
      index = this.#rows.length;
      const folder = relative(this.#cwd, root).split(sep).join('/') || '.';
      this.#rows.push([name, version, folder]);
      this.#roots.push(root);
      this.#index.set(root, index);
    }
    return index;
  }

  rows(): readonly (readonly string[])[] {
    return this.#rows;
  }

  /** Manifests of packages linked from outside node_modules (workspace packages): edited in place. */
  linkedManifests(): string[] {
    return this.#roots
      .filter((root) => !root.split(sep).includes('node_modules'))
      .map((root) => join(root, 'package.json'));
  }
}

const q = (text: string): string => JSON.stringify(text);
