/**
 * How the discovery cache writes a scan's findings down, and reads them back.
 *
 * The file is made small and plain, because reading and parsing it is most of
 * a warm start:
 *
 * - every path is relative to the host's folder;
 * - only packages that declare the field are kept, in a table of four
 *   columns (`packages`: name, version, root, hasExports, row after row);
 * - declarations are kept as they were *accepted*, in a table of their own
 *   (`declarations`: package row, namespace index, name, reference) over a
 *   list of namespaces, and the parts that were refused in a third
 *   (`fieldIssues`). Flat tables rather than an array or object per package:
 *   `JSON.parse` then builds a few large arrays instead of thousands of small
 *   ones, and never meets a plugin name as an object key — it makes a new
 *   hidden class for every key it has not seen, and with the field's own
 *   objects, parsing 2,500 packages took about three times as long.
 *
 * Reading it back is not trusting it. Every kept declaration goes through
 * `checkDeclaration` again — the name and reference checks of a scan, with the
 * same messages — so an edited cache can no more bring in a refused reference
 * than an edited manifest can. A value of the wrong type, a namespace a scan
 * would refuse or a package with more declarations than a scan keeps make the
 * whole file invalid, and it is rebuilt. Only the walk over a manifest's
 * nested objects is skipped.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isPlainObject, namespaceProblem } from './declared-names.ts';
import {
  checkDeclaration,
  type FieldIssue,
  type FieldPlace,
  MAX_DECLARATIONS_PER_PACKAGE,
} from './entry-point-field.ts';
import type { Fingerprint } from './fingerprint.ts';
import type { ScannedPackage, WalkIssue } from './installed-packages.ts';
import {
  type Findings,
  FindingsBuilder,
  packageLabel,
  type ScanFindings,
} from './scan-findings.ts';

/** Columns of the `packages` table, one row per package that declares the field. */
const PACKAGE_COLUMNS = 4; // name, version, root, hasExports
/** Columns of the `declarations` table, one row per accepted declaration. */
const DECLARATION_COLUMNS = 4; // package row, namespace index, name, reference

/** The parts of the cache file that hold the findings and their fingerprint. */
export interface StoredScan {
  readonly stamps: readonly (readonly [string, string])[];
  readonly unresolved: readonly (readonly [string, string])[];
  readonly issues: readonly WalkIssue[];
  readonly namespaces: readonly string[];
  readonly packages: readonly (string | boolean)[];
  readonly declarations: readonly (number | string)[];
  readonly fieldIssues: readonly (readonly [number, FieldIssue])[];
}

export function encodeScan(scan: ScanFindings, fingerprint: Fingerprint, host: string): StoredScan {
  const namespaces: string[] = [];
  const indexOf = new Map<string, number>();
  const packages: (string | boolean)[] = [];
  const declarations: (number | string)[] = [];
  const fieldIssues: [number, FieldIssue][] = [];
  scan.packages.forEach(({ pkg, declarations: declared, issues }, row) => {
    packages.push(pkg.name, pkg.version, relative(host, pkg.root), pkg.hasExports);
    for (const { namespace, name, reference } of declared) {
      let index = indexOf.get(namespace);
      if (index === undefined) {
        index = namespaces.push(namespace) - 1;
        indexOf.set(namespace, index);
      }
      declarations.push(row, index, name, reference);
    }
    for (const issue of issues) fieldIssues.push([row, issue]);
  });
  return {
    stamps: fingerprint.stamps.map(([path, stamp]) => [relative(host, path), stamp]),
    unresolved: fingerprint.unresolved.map(([name, manifest]) => [name, relative(host, manifest)]),
    issues: scan.issues,
    namespaces,
    packages,
    declarations,
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

/** The findings kept in the file, checked again; undefined when the file is not sound. */
export function decodeScan(
  data: Record<string, unknown>,
  host: string,
  field: string,
): Findings | undefined {
  const { issues, namespaces, packages, declarations, fieldIssues } = data;
  if (!isArrayOf(issues, isWalkIssue) || !isArrayOf(namespaces, isAcceptedNamespace)) {
    return undefined;
  }
  if (!Array.isArray(packages) || !Array.isArray(declarations) || !Array.isArray(fieldIssues)) {
    return undefined;
  }
  const rows = packagesOf(packages, host);
  if (rows === undefined || declarations.length % DECLARATION_COLUMNS !== 0) return undefined;
  const findings = new FindingsBuilder();
  const where = new PackagePlace(field);
  let row = -1;
  let count = 0;
  for (let i = 0; i < declarations.length; i += DECLARATION_COLUMNS) {
    const at = declarations[i];
    const index = declarations[i + 1];
    const plugin = declarations[i + 2];
    if (at !== row) {
      // Rows come in order, each package's declarations together, as the scan wrote them.
      const pkg = typeof at === 'number' && at > row ? rows[at] : undefined;
      if (pkg === undefined) return undefined;
      findings.startPackage(pkg);
      where.pkg = pkg;
      row = at as number;
      count = 0;
    }
    const namespace = typeof index === 'number' ? namespaces[index] : undefined;
    if (namespace === undefined || typeof plugin !== 'string') return undefined;
    if (++count > MAX_DECLARATIONS_PER_PACKAGE) return undefined;
    const checked = checkDeclaration(namespace, plugin, declarations[i + 3], where);
    if ('why' in checked) findings.refuse(checked);
    else findings.accept(checked);
  }
  for (const entry of fieldIssues) {
    const pkg = Array.isArray(entry) && typeof entry[0] === 'number' ? rows[entry[0]] : undefined;
    const issue = pkg === undefined ? undefined : fieldIssueOf(entry[1]);
    if (pkg === undefined || issue === undefined) return undefined;
    findings.startPackage(pkg);
    findings.refuse(issue);
  }
  return findings.build(issues);
}

/** The `packages` table as packages, or undefined when it is not one. */
function packagesOf(table: unknown[], host: string): ScannedPackage[] | undefined {
  if (table.length % PACKAGE_COLUMNS !== 0) return undefined;
  const rows: ScannedPackage[] = [];
  for (let i = 0; i < table.length; i += PACKAGE_COLUMNS) {
    const name = table[i];
    const version = table[i + 1];
    const root = table[i + 2];
    const hasExports = table[i + 3];
    if (typeof name !== 'string' || typeof version !== 'string') return undefined;
    if (typeof root !== 'string' || typeof hasExports !== 'boolean') return undefined;
    rows.push({ name, version, root: fromHost(host, root), hasExports });
  }
  return rows;
}

function isAcceptedNamespace(value: unknown): value is string {
  return namespaceProblem(value) === undefined;
}

/**
 * Where the package being decoded declared its plugins, for messages. One is
 * reused for every package; the label is made only if a message needs it.
 */
class PackagePlace implements FieldPlace {
  readonly field: string;
  pkg: ScannedPackage | undefined;
  constructor(field: string) {
    this.field = field;
  }
  get packageLabel(): string {
    return this.pkg === undefined ? 'a cached package' : packageLabel(this.pkg);
  }
}

/** A path kept relative to the host, made absolute again (by concatenation when it can be). */
function fromHost(host: string, path: string): string {
  if (path === '') return host;
  if (path.startsWith('.') || isAbsolute(path)) return resolve(host, path);
  return `${host}${sep}${path}`;
}

function fieldIssueOf(value: unknown): FieldIssue | undefined {
  if (!isPlainObject(value) || typeof value.why !== 'string') return undefined;
  const { namespace, name, why } = value;
  if (!(namespace === undefined || typeof namespace === 'string')) return undefined;
  if (!(name === undefined || typeof name === 'string')) return undefined;
  return Object.hasOwn(value, 'reference')
    ? { namespace, name, reference: value.reference, why }
    : { namespace, name, why };
}

function isWalkIssue(value: unknown): value is WalkIssue {
  return isPlainObject(value) && typeof value.origin === 'string' && typeof value.why === 'string';
}

function isStringPair(value: unknown): value is [string, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string'
  );
}

function isArrayOf<T>(value: unknown, check: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.every(check);
}
