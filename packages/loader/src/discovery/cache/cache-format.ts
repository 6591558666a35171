/**
 * How the discovery cache writes a scan's findings down, and reads them back.
 *
 * The file is made small and plain, because reading and parsing it is most of
 * a warm start. It is a handful of columns — one array per fact, not one
 * record per package:
 *
 *     "namespaces": ["meter.storage"],
 *     "references": ["./memory:Memory", ".:default"],
 *     "packages": { "name": ["acme", "local"], "version": ["1.0.0", "0.1.0"],
 *                   "root": [0, "../local"], "hasExports": [true, false], "declares": [2, 0] },
 *     "plugins":  { "namespace": [0, 0], "name": ["memory", "disk"], "reference": [0, 1] },
 *     "fieldIssues": [[1, { "why": "…" }]]
 *
 * - only packages that declare the field are kept; row `i` of every
 *   `packages` column is package `i`, and its `declares` declarations follow
 *   those of the packages before it in the `plugins` columns;
 * - every path is relative to the host's folder, and a package's folder is
 *   `0` when it is the usual `node_modules/<name>` (cache-paths.ts);
 * - a namespace or a reference is written once, in its table, and named by
 *   its index;
 * - declarations are kept as they were *accepted*; the parts that were
 *   refused sit in a table of their own (`fieldIssues`, by package row).
 *
 * Columns, because what `JSON.parse` costs is mostly what it builds: a dozen
 * arrays for the whole file, rather than one per package, parse in about
 * half the time (and a plugin name is never an object key, for which
 * `JSON.parse` would make a new hidden class each time).
 *
 * Reading it back is not trusting it. Every kept declaration goes through the
 * checks of a scan again — the name and reference checks of
 * `checkDeclaration`, with the same messages — so an edited cache can no more
 * bring in a refused reference than an edited manifest can (a reference
 * shared by several declarations is checked once, as the same string gives
 * the same answer). A value of the wrong type, columns of unequal length, an
 * index that points nowhere, a namespace a scan would refuse or a package
 * with more declarations than a scan keeps make the whole file invalid, and
 * it is rebuilt. Only the walk over a manifest's nested objects is skipped.
 */

import { sep } from 'node:path';
import { isPlainReference } from '../../shared/reference.ts';
import { isPlainPluginName, packageNameProblem } from '../declared-names.ts';
import type { EntryPoint } from '../entry-point.ts';
import { checkDeclaration, type FieldIssue } from '../entry-point-field.ts';
import { PackageEntryPoint } from '../package-entry-point.ts';
import type { WalkIssue } from '../package-walk.ts';
import {
  type Findings,
  findingsOf,
  type PackageIssue,
  packageLabel,
  type ScanFindings,
} from '../scan-findings.ts';
import {
  fieldIssueOf,
  isAcceptedNamespace,
  isArrayOf,
  isStringPair,
  isWalkIssue,
  packageRowProblem,
} from './cache-checks.ts';
import {
  type Columns,
  columnsOf,
  PACKAGE_COLUMNS,
  PackageRows,
  PLUGIN_COLUMNS,
  StringTable,
} from './cache-columns.ts';
import { fromHost, PackageFolders, type StoredRoot, toHost } from './cache-paths.ts';
import type { Fingerprint } from './fingerprint.ts';

/** The package columns: row `i` of each is package `i`. */
interface PackageTable {
  readonly name: string[];
  readonly version: string[];
  readonly root: StoredRoot[];
  readonly hasExports: boolean[];
  /** How many of the `plugins` rows are the package's, after those of the packages before it. */
  readonly declares: number[];
  /** What each package's manifest calls it, when that differs from its name; 0 when not. */
  readonly claimed: (string | 0)[];
}

/** The declaration columns; `namespace` and `reference` index the file's tables. */
interface PluginTable {
  readonly namespace: number[];
  readonly name: string[];
  readonly reference: number[];
}

/** The parts of the cache file that hold the findings and their fingerprint. */
export interface StoredScan {
  readonly stamps: readonly (readonly [string, string])[];
  readonly unresolved: readonly (readonly [string, string])[];
  readonly issues: readonly WalkIssue[];
  readonly namespaces: readonly string[];
  readonly references: readonly string[];
  readonly packages: PackageTable;
  readonly plugins: PluginTable;
  readonly fieldIssues: readonly (readonly [number, FieldIssue])[];
}

export function encodeScan(scan: ScanFindings, fingerprint: Fingerprint, host: string): StoredScan {
  const folders = new PackageFolders(host);
  const namespaces = new StringTable();
  const references = new StringTable();
  const packages: PackageTable = {
    name: [],
    version: [],
    root: [],
    hasExports: [],
    declares: [],
    claimed: [],
  };
  const plugins: PluginTable = { namespace: [], name: [], reference: [] };
  const fieldIssues: [number, FieldIssue][] = [];
  for (const [row, { pkg, declarations, issues }] of scan.packages.entries()) {
    packages.name.push(pkg.name);
    packages.version.push(pkg.version);
    packages.root.push(folders.stored(pkg.name, pkg.root));
    packages.hasExports.push(pkg.hasExports);
    packages.declares.push(declarations.length);
    packages.claimed.push(pkg.claimedName ?? 0);
    for (const { namespace, name, reference } of declarations) {
      plugins.namespace.push(namespaces.indexOf(namespace));
      plugins.name.push(name);
      plugins.reference.push(references.indexOf(reference));
    }
    for (const issue of issues) fieldIssues.push([row, issue]);
  }
  return {
    stamps: fingerprint.stamps.map(([path, stamp]) => [toHost(host, path), stamp]),
    unresolved: fingerprint.unresolved.map(([name, manifest]) => [name, toHost(host, manifest)]),
    issues: scan.issues,
    namespaces: namespaces.values,
    references: references.values,
    packages,
    plugins,
    fieldIssues,
  };
}

/** The fingerprint kept in the file, or undefined when it is not one. */
export function decodeFingerprint(
  data: Record<string, unknown>,
  host: string,
): Fingerprint | undefined {
  const { stamps, unresolved } = data;
  if (!isArrayOf(stamps, isStringPair) || !isArrayOf(unresolved, isStringPair)) return undefined;
  return {
    stamps: stamps.map(([path, stamp]) => [fromHost(host, path), stamp]),
    unresolved: unresolved.map(([name, manifest]) => [name, fromHost(host, manifest)]),
  };
}

/**
 * The findings kept in the file, checked again; undefined when the file is
 * not of the right shape, or a string saying which value a scan would not
 * have written (then the cache is refused, rebuilt, and the reason reported).
 * `holders` are the folders of packages the fingerprint watched.
 */
export function decodeScan(
  data: Record<string, unknown>,
  host: string,
  field: string,
  holders: readonly string[],
): Findings | string | undefined {
  const { issues, namespaces, references, fieldIssues } = data;
  if (!isArrayOf(issues, isWalkIssue) || !isArrayOf(namespaces, isAcceptedNamespace)) {
    return undefined;
  }
  const packages = columnsOf(data.packages, PACKAGE_COLUMNS);
  const plugins = columnsOf(data.plugins, PLUGIN_COLUMNS);
  if (packages === undefined || plugins === undefined) return undefined;
  if (!Array.isArray(references) || !Array.isArray(fieldIssues)) return undefined;
  const rows = new PackageRows(packages, new PackageFolders(host));
  const read: DeclarationReader = {
    plugins,
    namespaces,
    references,
    // Each reference checked once, however many declarations share it.
    plain: references.map(isPlainReference),
    field,
    entryPoints: [],
    refused: [],
  };
  let next = 0; // the package's first declaration
  const modules = fromHost(host, `node_modules${sep}`);
  for (let row = 0; row < rows.count; row++) {
    const declares = rows.declares(row);
    if (declares === undefined || declares > plugins.name.length - next) return undefined;
    const pkg = rows.packageAt(row);
    const problem =
      packageRowProblem(pkg.name, pkg.version, pkg.root, modules, holders) ??
      (pkg.claimedName === undefined ? undefined : packageNameProblem(pkg.claimedName));
    if (problem !== undefined) return problem;
    if (declares > 0 && !readDeclarations(read, rows, row, next, next + declares)) {
      return undefined;
    }
    next += declares;
  }
  if (next !== plugins.name.length) return undefined; // declarations of no package
  for (const entry of fieldIssues) {
    const row: unknown = Array.isArray(entry) ? entry[0] : undefined;
    const issue = rows.has(row) ? fieldIssueOf(entry[1]) : undefined;
    if (issue === undefined) return undefined;
    read.refused.push({ pkg: rows.packageAt(row as number), issue });
  }
  return findingsOf(read.entryPoints, read.refused, issues);
}

/** What reading the declarations needs, and what it collects. */
interface DeclarationReader {
  readonly plugins: Columns<(typeof PLUGIN_COLUMNS)[number]>;
  readonly namespaces: readonly string[];
  readonly references: readonly unknown[];
  /** Whether each reference is of the plainest form (`isPlainReference`, shared/reference.ts). */
  readonly plain: readonly boolean[];
  readonly field: string;
  readonly entryPoints: EntryPoint[];
  readonly refused: PackageIssue[];
}

/**
 * Checks the declarations `from`…`to` of package `row` again, and makes entry
 * points of those that pass; false when one is not a declaration a scan writes.
 */
function readDeclarations(
  read: DeclarationReader,
  rows: PackageRows,
  row: number,
  from: number,
  to: number,
): boolean {
  const { plugins, namespaces, references, plain, entryPoints } = read;
  // One source per package, shared by its entry points.
  const source = rows.sourceAt(row);
  const facts = rows.hasExports(row) ? WITH_EXPORTS : WITHOUT_EXPORTS;
  for (let at = from; at < to; at++) {
    const index = plugins.namespace[at];
    const name = plugins.name[at];
    const ref = plugins.reference[at];
    const namespace = typeof index === 'number' ? namespaces[index] : undefined;
    const isPlain = typeof ref === 'number' ? plain[ref] : undefined;
    if (namespace === undefined || typeof name !== 'string' || isPlain === undefined) return false;
    const reference = references[ref as number];
    // The two checks checkDeclaration starts with: what passes both needs nothing more.
    if (isPlain && isPlainPluginName(name)) {
      entryPoints.push(new PackageEntryPoint(namespace, name, reference as string, source, facts));
      continue;
    }
    const pkg = rows.packageAt(row);
    const checked = checkDeclaration(namespace, name, reference, {
      field: read.field,
      packageLabel: packageLabel(pkg),
    });
    if ('why' in checked) read.refused.push({ pkg, issue: checked });
    else entryPoints.push(new PackageEntryPoint(namespace, name, checked.reference, source, facts));
  }
  return true;
}

/** A package's manifest facts for its entry points: two, since a cache keeps no `exports`. */
const WITH_EXPORTS = { hasExports: true };
const WITHOUT_EXPORTS = { hasExports: false };
