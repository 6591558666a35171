/**
 * How the discovery cache writes a scan's findings down, and reads them back.
 *
 * The file is made small and plain, because reading and parsing it is most of
 * a warm start:
 *
 * - every path is relative to the host's folder;
 * - only packages that declare the field are kept, each as a tuple
 *   `[name, version, root, hasExports, declarations, issues]`;
 * - declarations are kept as they were *accepted*, in a flat list
 *   `[namespace index, name, reference, …]` over a table of namespaces, and
 *   not as the field's own objects: `JSON.parse` makes a new hidden class for
 *   every key it has not met before, and plugin names are such keys (in a
 *   trial with 2,500 declaring packages, parsing took about a third of the
 *   time this way).
 *
 * Reading it back is not trusting it. Every kept declaration goes through
 * `checkDeclaration` again — the name and reference checks of a scan, with the
 * same messages — so an edited cache can no more bring in a refused reference
 * than an edited manifest can. A value of the wrong type, a namespace a scan
 * would refuse or a package with more declarations than a scan keeps make the
 * whole file invalid, and it is rebuilt. Only the walk over a manifest's
 * nested objects is skipped; that walk is what made a warm start slow.
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

/** A package as the file keeps it. */
type StoredPackage = [
  name: string,
  version: string,
  root: string,
  hasExports: boolean,
  declarations: (number | string)[],
  issues: unknown[],
];

/** The parts of the cache file that hold the findings and their fingerprint. */
export interface StoredScan {
  readonly stamps: readonly (readonly [string, string])[];
  readonly unresolved: readonly (readonly [string, string])[];
  readonly issues: readonly WalkIssue[];
  readonly namespaces: readonly string[];
  readonly packages: readonly StoredPackage[];
}

export function encodeScan(scan: ScanFindings, fingerprint: Fingerprint, host: string): StoredScan {
  const namespaces: string[] = [];
  const indexOf = new Map<string, number>();
  const packages = scan.packages.map(({ pkg, declarations, issues }): StoredPackage => {
    const flat: (number | string)[] = [];
    for (const { namespace, name, reference } of declarations) {
      let index = indexOf.get(namespace);
      if (index === undefined) {
        index = namespaces.push(namespace) - 1;
        indexOf.set(namespace, index);
      }
      flat.push(index, name, reference);
    }
    return [pkg.name, pkg.version, relative(host, pkg.root), pkg.hasExports, flat, [...issues]];
  });
  return {
    stamps: fingerprint.stamps.map(([path, stamp]) => [relative(host, path), stamp]),
    unresolved: fingerprint.unresolved.map(([name, manifest]) => [name, relative(host, manifest)]),
    issues: scan.issues,
    namespaces,
    packages,
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
  const { issues, namespaces, packages } = data;
  if (!isArrayOf(issues, isWalkIssue) || !Array.isArray(packages)) return undefined;
  if (!isArrayOf(namespaces, (n): n is string => namespaceProblem(n) === undefined)) {
    return undefined;
  }
  const findings = new FindingsBuilder();
  const where = new PackagePlace(field);
  for (const stored of packages) {
    if (!isStoredPackage(stored)) return undefined;
    const flat = stored[4];
    if (flat.length % 3 !== 0 || flat.length > 3 * MAX_DECLARATIONS_PER_PACKAGE) return undefined;
    const root = fromHost(host, stored[2]);
    const pkg = { name: stored[0], version: stored[1], root, hasExports: stored[3] };
    findings.startPackage(pkg);
    where.pkg = pkg;
    for (let i = 0; i < flat.length; i += 3) {
      const index = flat[i];
      const plugin = flat[i + 1];
      const namespace = typeof index === 'number' ? namespaces[index] : undefined;
      if (namespace === undefined || typeof plugin !== 'string') return undefined;
      const checked = checkDeclaration(namespace, plugin, flat[i + 2], where);
      if ('why' in checked) findings.refuse(checked);
      else findings.accept(checked);
    }
    for (const issue of stored[5]) {
      const read = fieldIssueOf(issue);
      if (read === undefined) return undefined;
      findings.refuse(read);
    }
  }
  return findings.build(issues);
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

function isStoredPackage(value: unknown): value is StoredPackage {
  return (
    Array.isArray(value) &&
    value.length === 6 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    typeof value[2] === 'string' &&
    typeof value[3] === 'boolean' &&
    Array.isArray(value[4]) &&
    Array.isArray(value[5])
  );
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
