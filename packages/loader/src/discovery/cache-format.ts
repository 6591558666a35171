/**
 * How the discovery cache writes a scan's findings down, and reads them back.
 *
 * The file is made small and plain, because reading and parsing it is most of
 * a warm start:
 *
 * - every path is relative to the host's folder;
 * - only packages that declare the field are kept, one row each:
 *   `[name, version, root, hasExports, ...declarations]`;
 * - declarations are kept as they were *accepted*, three columns each
 *   (namespace index, name, reference) over a list of namespaces, and the
 *   parts that were refused in a table of their own (`fieldIssues`). Flat rows
 *   rather than the field's own objects: `JSON.parse` then never meets a plugin
 *   name as an object key — it makes a new hidden class for every key it has
 *   not seen, and parsing 2,500 packages took about three times as long that
 *   way — and builds one small array per package rather than a few per
 *   package (or one huge one, which V8 keeps outside the young generation,
 *   where it holds every string it points to alive until a full collection).
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
import { isPlainObject, namespaceProblem, pluginNameProblem } from './declared-names.ts';
import {
  checkDeclaration,
  type FieldIssue,
  type FieldPlace,
  isPlainReference,
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

/** The leading columns of a package's row; its declarations follow, three columns each. */
const PACKAGE_COLUMNS = 4; // name, version, root, hasExports
const DECLARATION_COLUMNS = 3; // namespace index, name, reference

/** A package's row: `[name, version, root, hasExports, ...declarations]`. */
type PackageRow = (string | number | boolean)[];

/** The parts of the cache file that hold the findings and their fingerprint. */
export interface StoredScan {
  readonly stamps: readonly (readonly [string, string])[];
  readonly unresolved: readonly (readonly [string, string])[];
  readonly issues: readonly WalkIssue[];
  readonly namespaces: readonly string[];
  readonly packages: readonly PackageRow[];
  readonly fieldIssues: readonly (readonly [number, FieldIssue])[];
}

export function encodeScan(scan: ScanFindings, fingerprint: Fingerprint, host: string): StoredScan {
  const namespaces: string[] = [];
  const indexOf = new Map<string, number>();
  const fieldIssues: [number, FieldIssue][] = [];
  const packages = scan.packages.map(({ pkg, declarations, issues }, row): PackageRow => {
    const stored: PackageRow = [pkg.name, pkg.version, relative(host, pkg.root), pkg.hasExports];
    for (const { namespace, name, reference } of declarations) {
      let index = indexOf.get(namespace);
      if (index === undefined) {
        index = namespaces.push(namespace) - 1;
        indexOf.set(namespace, index);
      }
      stored.push(index, name, reference);
    }
    for (const issue of issues) fieldIssues.push([row, issue]);
    return stored;
  });
  return {
    stamps: fingerprint.stamps.map(([path, stamp]) => [relative(host, path), stamp]),
    unresolved: fingerprint.unresolved.map(([name, manifest]) => [name, relative(host, manifest)]),
    issues: scan.issues,
    namespaces,
    packages,
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
  const { issues, namespaces, packages, fieldIssues } = data;
  if (!isArrayOf(issues, isWalkIssue) || !isArrayOf(namespaces, isAcceptedNamespace)) {
    return undefined;
  }
  if (!Array.isArray(packages) || !Array.isArray(fieldIssues)) return undefined;
  const findings = new FindingsBuilder();
  const where = new PackagePlace(field);
  const rows: ScannedPackage[] = [];
  for (const stored of packages) {
    const pkg = packageOf(stored, host);
    if (pkg === undefined || !declarationsOf(stored, pkg, namespaces, findings, where)) {
      return undefined;
    }
    rows.push(pkg);
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

/** Checks a package's kept declarations again and adds them; false when the row is not sound. */
function declarationsOf(
  stored: unknown[],
  pkg: ScannedPackage,
  namespaces: readonly string[],
  findings: FindingsBuilder,
  where: PackagePlace,
): boolean {
  findings.startPackage(pkg);
  where.pkg = pkg;
  for (let i = PACKAGE_COLUMNS; i < stored.length; i += DECLARATION_COLUMNS) {
    const index = stored[i];
    const plugin = stored[i + 1];
    const reference = stored[i + 2];
    const namespace = typeof index === 'number' ? namespaces[index] : undefined;
    if (namespace === undefined || typeof plugin !== 'string') return false;
    // The two checks checkDeclaration starts with; what passes both needs nothing more now.
    if (pluginNameProblem(plugin) === undefined && isPlainReference(reference)) {
      findings.acceptKept(namespace, plugin, reference, where.field);
    } else {
      const checked = checkDeclaration(namespace, plugin, reference, where);
      if ('why' in checked) findings.refuse(checked);
      else findings.accept(checked);
    }
  }
  return true;
}

/** The package a row describes, or undefined when the row is not one a scan writes. */
function packageOf(stored: unknown, host: string): ScannedPackage | undefined {
  if (!Array.isArray(stored) || stored.length < PACKAGE_COLUMNS) return undefined;
  const declared = stored.length - PACKAGE_COLUMNS;
  if (declared % DECLARATION_COLUMNS !== 0) return undefined;
  if (declared > DECLARATION_COLUMNS * MAX_DECLARATIONS_PER_PACKAGE) return undefined;
  const name: unknown = stored[0];
  const version: unknown = stored[1];
  const root: unknown = stored[2];
  const hasExports: unknown = stored[3];
  if (typeof name !== 'string' || typeof version !== 'string') return undefined;
  if (typeof root !== 'string' || typeof hasExports !== 'boolean') return undefined;
  return { name, version, root: fromHost(host, root), hasExports };
}

function isAcceptedNamespace(value: unknown): value is string {
  return namespaceProblem(value) === undefined;
}

function isAcceptedName(value: unknown): value is string {
  return pluginNameProblem(value) === undefined;
}

/** A C0 control character (newline, escape…), which a scan's messages never hold raw. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true;
  return false;
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

/**
 * A refused part as a scan records it: a namespace and a name only when they
 * were accepted (the refusal was further in), and a message with no C0 control
 * character (a scan shows every name it quotes escaped), so that an edited
 * cache cannot put a newline or an escape sequence where a manifest could not.
 */
function fieldIssueOf(value: unknown): FieldIssue | undefined {
  if (!isPlainObject(value) || typeof value.why !== 'string') return undefined;
  const { namespace, name, why } = value;
  if (!(namespace === undefined || isAcceptedNamespace(namespace))) return undefined;
  if (!(name === undefined || isAcceptedName(name))) return undefined;
  if (hasControlCharacter(why)) return undefined;
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
