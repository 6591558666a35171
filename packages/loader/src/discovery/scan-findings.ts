/**
 * From what a package scan read to what discovery reports: every declaration
 * of every namespace becomes an entry point whose target is resolved only when
 * the plugin is loaded, and every refused part becomes a problem with a typed
 * error that names the package and the field.
 *
 * In between sit the scan's findings — per package, the declarations that
 * were accepted and the parts that were refused — which is also what the
 * discovery cache keeps. The entry points (package-entry-point.ts) are built
 * once per scan or cache load; `reportFor` only filters them by namespace, so
 * one scan serves every namespace of a host.
 */
import { sep } from 'node:path';
import { DiscoveryError } from '../errors/kinds.ts';
import { escapeUnsafe } from '../shared/unsafe-text.ts';
import type { DiscoveryProblem, DiscoveryReport, EntryPoint } from './entry-point.ts';
import { type Declaration, type FieldIssue, readEntryPointField } from './entry-point-field.ts';
import { PackageEntryPoint, type ScannedSource, scannedSource } from './package-entry-point.ts';
import type { PackageWalk, ScannedPackage, WalkIssue } from './package-walk.ts';
import { refusedReference } from './refused-reference.ts';

/** What one package declares: the accepted declarations and the refused parts. */
export interface PackageFindings {
  readonly pkg: ScannedPackage;
  readonly declarations: readonly Declaration[];
  readonly issues: readonly FieldIssue[];
}

/** A scan's result, as the cache keeps it. */
export interface ScanFindings {
  readonly packages: readonly PackageFindings[];
  /** Whatever kept a package from being read at all. */
  readonly issues: readonly WalkIssue[];
}

/** A refused part of a package's field, with the package. */
export interface PackageIssue {
  readonly pkg: ScannedPackage;
  readonly issue: FieldIssue;
}

/** What discovery reports from: entry points, and every refused part with its package. */
export interface Findings {
  readonly entryPoints: readonly EntryPoint[];
  readonly fieldIssues: readonly PackageIssue[];
  /** Whatever kept a package from being read at all. */
  readonly issues: readonly WalkIssue[];
}

/** Reads the field of every package the walk found, as untrusted input. */
export function readFields(walk: PackageWalk, field: string): ScanFindings {
  const packages: PackageFindings[] = [];
  for (const found of walk.packages) {
    const { name, version, root, hasExports, exports, claimedName, field: value } = found;
    // The raw field is not kept: once read, only what it declared is.
    const facts = { name, version, root, hasExports, exports };
    const pkg = claimedName === undefined ? facts : { ...facts, claimedName };
    const reading = readEntryPointField(value, { field, packageLabel: packageLabel(pkg) });
    packages.push({ pkg, declarations: reading.declarations, issues: reading.issues });
  }
  return { packages, issues: walk.issues };
}

/** Turns a scan's findings into entry points, with targets resolved on first use. */
export function withEntryPoints(scan: ScanFindings): Findings {
  const entryPoints: EntryPoint[] = [];
  const fieldIssues: PackageIssue[] = [];
  for (const { pkg, declarations, issues } of scan.packages) {
    if (declarations.length > 0) {
      // One source per package, shared by its entry points.
      const source = sourceOf(pkg);
      for (const { namespace, name, reference } of declarations) {
        entryPoints.push(new PackageEntryPoint(namespace, name, reference, source, pkg));
      }
    }
    for (const issue of issues) fieldIssues.push({ pkg, issue });
  }
  return findingsOf(entryPoints, fieldIssues, scan.issues);
}

/** The findings of a scan or of a cache load, ready to report from. */
export function findingsOf(
  entryPoints: EntryPoint[],
  fieldIssues: readonly PackageIssue[],
  issues: readonly WalkIssue[],
): Findings {
  // Frozen, so that a report for every namespace can hand out this very array.
  return { entryPoints: Object.freeze(entryPoints), fieldIssues, issues };
}

export function reportFor(findings: Findings, namespace: string | undefined): DiscoveryReport {
  const entryPoints =
    namespace === undefined
      ? findings.entryPoints
      : findings.entryPoints.filter((e) => e.namespace === namespace);
  const problems: DiscoveryProblem[] = [];
  // Whatever kept a package from being read could have hidden plugins of any namespace.
  for (const issue of findings.issues) {
    const error = new DiscoveryError(issue.why, { namespace: namespace ?? '*' });
    problems.push({ namespace: undefined, name: undefined, origin: issue.origin, error });
  }
  for (const { pkg, issue } of findings.fieldIssues) {
    if (namespace !== undefined && issue.namespace !== undefined && issue.namespace !== namespace) {
      continue;
    }
    problems.push(problemOf(pkg, issue, namespace));
  }
  return { entryPoints, problems };
}

/**
 * `package acme@1.0.0 (/…/node_modules/acme/package.json)`: how messages name
 * a package. Its name and version were checked when read; its folder is
 * whatever the disk holds, escaped.
 */
export function packageLabel(pkg: ScannedPackage): string {
  return `package ${pkg.name}@${pkg.version} (${manifestOf(pkg)})`;
}

/** The package's manifest path, as messages and problems show it. */
function manifestOf(pkg: ScannedPackage): string {
  return escapeUnsafe(`${pkg.root}${sep}package.json`);
}

function problemOf(
  pkg: ScannedPackage,
  issue: FieldIssue,
  namespace: string | undefined,
): DiscoveryProblem {
  const who = { namespace: issue.namespace ?? namespace ?? '*', name: issue.name };
  const hasReference = Object.hasOwn(issue, 'reference');
  const error = hasReference
    ? refusedReference(issue.reference, issue.why, { ...who, kind: 'package' })
    : new DiscoveryError(issue.why, who);
  const reference = typeof issue.reference === 'string' ? issue.reference : undefined;
  return {
    namespace: issue.namespace,
    name: issue.name,
    origin: manifestOf(pkg),
    reference,
    source: sourceOf(pkg),
    error,
  };
}

function sourceOf(pkg: ScannedPackage): ScannedSource {
  return scannedSource(pkg.name, pkg.version, pkg.root, pkg.claimedName);
}
