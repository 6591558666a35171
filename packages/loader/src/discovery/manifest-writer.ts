/**
 * Writes a static manifest (static-manifest.ts): one package scan of the host,
 * at build time, rendered as a module whose every plugin has a static
 * `() => import('pkg/subpath')` that a bundler can follow. The table itself is
 * JSON in the module, which a process parses faster than JavaScript.
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
  const plugins = new Map<string, PluginRow[]>();
  const specifiers: string[] = [];
  const problems: ManifestProblem[] = report.problems.map((p) => problemOf(p, packages));
  for (const entry of report.entryPoints) {
    const row = pluginRow(entry, packages, dirname(file), specifiers.length);
    if (!Array.isArray(row)) {
      problems.push(row);
      continue;
    }
    specifiers.push(row[3]);
    const rows = plugins.get(entry.namespace) ?? [];
    rows.push(row);
    plugins.set(entry.namespace, rows);
  }
  const fingerprint = fingerprintOf(cwd, fingerprintFiles(cwd, packages.linkedManifests()));
  const namespaces = [...plugins.keys()].sort();
  const table = [
    '{',
    `  "format": ${q(MANIFEST_FORMAT)},`,
    `  "fingerprint": ${JSON.stringify(fingerprint)},`,
    '  "packages": [',
    rowLines(packages.rows(), '    '),
    '  ],',
    '  "plugins": {',
    namespaces
      .map((ns) => `    ${q(ns)}: [\n${rowLines(plugins.get(ns) ?? [], '      ')}\n    ]`)
      .join(',\n'),
    '  },',
    `  "problems": ${JSON.stringify(problems)}`,
    '}',
  ];
  const typed = /\.m?ts$/.test(file);
  const text = [
    '// A static manifest: every plugin declared by the packages this host had',
    '// installed when it was written by `plugin-patterns manifest`. Do not edit.',
    '// After installing, removing or upgrading a plugin, write it again and rebuild:',
    '// the fingerprint is checked, and a stale manifest is reported, never used.',
    '//',
    '// packages: [name, version, folder relative to the host]',
    '// plugins:  [name, reference as declared, package (index), specifier, export, import (index)]',
    typed ? "import type { StaticManifest } from '@plugin-patterns/loader/static-manifest';\n" : '',
    '// The table is JSON in a string: a process parses JSON faster than the same',
    '// table written as JavaScript (with 1,000 plugins, importing this module',
    '// costs about a tenth less).',
    `const table${typed ? ': StaticManifest' : ''} = JSON.parse(${templateLiteral(table.filter((line) => line !== '').join('\n'))});`,
    '',
    '// One import per plugin, each written out so that a bundler follows it;',
    "// a plugin's row holds its place here, and gets the function itself.",
    `const imports${typed ? ': (() => Promise<unknown>)[]' : ''} = [`,
    ...specifiers.map((specifier) => `  () => import(${q(specifier)}),`),
    '];',
    'for (const plugins of Object.values(table.plugins)) {',
    `  for (const plugin of plugins) ${typed ? '(plugin as unknown as unknown[])' : 'plugin'}[5] = imports[plugin[5]${typed ? ' as unknown as number' : ''}];`,
    '}',
    '',
    'export default table;',
  ]
    .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
    .join('\n');
  return {
    file,
    text: `${text}\n`,
    plugins: specifiers.length,
    problems: problems.length,
    packages: packages.rows().length,
  };
}

/** `[name, reference, package index, specifier, export, index in imports]`: as read, before the import is put in. */
type PluginRow = [string, string, number, string, string, number];

/** One JSON array per line, indented. */
function rowLines(rows: readonly (readonly unknown[])[], indent: string): string {
  return rows.map((row) => `${indent}${JSON.stringify(row)}`).join(',\n');
}

/** The text as a template literal, so that the JSON inside keeps one row per line. */
function templateLiteral(text: string): string {
  return `\`${text.replace(/[\\`]|\$\{/g, (found) => `\\${found}`)}\``;
}

/** Scans the host and writes its manifest. */
export function writeStaticManifest(options: WriteManifestOptions): RenderedManifest {
  const rendered = renderStaticManifest(options);
  mkdirSync(dirname(rendered.file), { recursive: true });
  writeFileSync(rendered.file, rendered.text);
  return rendered;
}

/** One plugin's row, or the problem its resolution found. */
function pluginRow(
  entry: EntryPoint,
  packages: PackageTable,
  outDir: string,
  importIndex: number,
): PluginRow | ManifestProblem {
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
  return [entry.name, entry.reference, index, specifier, exportName, importIndex];
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
