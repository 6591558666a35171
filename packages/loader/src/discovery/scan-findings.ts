/**
 * From what a package scan read to what discovery reports: every declaration
 * of every namespace becomes an entry point whose target is resolved only when
 * the plugin is loaded, and every refused part becomes a problem with a typed
 * error that names the package and the field.
 *
 * In between sit the scan's findings — per package, the declarations that
 * were accepted and the parts that were refused — which is also what the
 * discovery cache keeps. The entry points are built once per scan (or cache
 * load); `reportFor` only filters them by namespace, so one scan serves every
 * namespace of a host. A resolved target is remembered, so a plugin loaded
 * twice resolves once.
 */
import { sep } from 'node:path';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { resolvePackageModule } from '../importing/resolve.ts';
import type {
  DiscoveryProblem,
  DiscoveryReport,
  EntryPoint,
  ImportTarget,
  PluginSource,
} from './entry-point.ts';
import {
  checkDeclaration,
  type Declaration,
  type FieldIssue,
  readEntryPointField,
} from './entry-point-field.ts';
import type { PackageWalk, ScannedPackage, WalkIssue } from './installed-packages.ts';
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

/** What discovery reports from: entry points, and every refused part with its package. */
export interface Findings {
  readonly entryPoints: readonly EntryPoint[];
  readonly fieldIssues: readonly { readonly pkg: ScannedPackage; readonly issue: FieldIssue }[];
  /** Whatever kept a package from being read at all. */
  readonly issues: readonly WalkIssue[];
}

/** Reads the field of every package the walk found, as untrusted input. */
export function readFields(walk: PackageWalk, field: string): ScanFindings {
  const packages: PackageFindings[] = [];
  for (const { name, version, root, hasExports, exports, field: value } of walk.packages) {
    // The raw field is not kept: once read, only what it declared is.
    const pkg = { name, version, root, hasExports, exports };
    const reading = readEntryPointField(value, { field, packageLabel: packageLabel(pkg) });
    packages.push({ pkg, declarations: reading.declarations, issues: reading.issues });
  }
  return { packages, issues: walk.issues };
}

/** Turns a scan's findings into entry points, with targets resolved on first use. */
export function withEntryPoints(scan: ScanFindings): Findings {
  const findings = new FindingsBuilder();
  for (const { pkg, declarations, issues } of scan.packages) {
    findings.startPackage(pkg);
    for (const declaration of declarations) findings.accept(declaration);
    for (const issue of issues) findings.refuse(issue);
  }
  return findings.build(scan.issues);
}

/**
 * Collects findings package by package: the one place entry points are made,
 * for a scan and for a cache load alike.
 */
export class FindingsBuilder {
  readonly #entryPoints: EntryPoint[] = [];
  readonly #fieldIssues: { pkg: ScannedPackage; issue: FieldIssue }[] = [];
  #pkg: ScannedPackage | undefined;
  #source: PluginSource | undefined;

  startPackage(pkg: ScannedPackage): void {
    this.#pkg = pkg;
    this.#source = undefined;
  }

  accept(declaration: Declaration): void {
    const pkg = this.#current();
    // One source per package, shared by its entry points.
    this.#source ??= sourceOf(pkg);
    let resolved: ImportTarget | undefined;
    const target = () => {
      resolved ??= resolveTarget(pkg, declaration);
      return resolved;
    };
    const { namespace, name, reference } = declaration;
    this.#entryPoints.push({ namespace, name, reference, source: this.#source, target });
  }

  /**
   * A declaration kept by the cache whose name and reference passed the
   * checks again (a plain reference): split into module and export by
   * checkDeclaration only if the plugin is loaded, which spares a warm start
   * an object and two strings per declaration.
   */
  acceptKept(namespace: string, name: string, reference: string, field: string): void {
    const pkg = this.#current();
    this.#source ??= sourceOf(pkg);
    let resolved: ImportTarget | undefined;
    const target = () => {
      if (resolved === undefined) {
        const where = { field, packageLabel: packageLabel(pkg) };
        const declaration = checkDeclaration(namespace, name, reference, where);
        if ('why' in declaration) throw new DiscoveryError(declaration.why, { namespace, name });
        resolved = resolveTarget(pkg, declaration);
      }
      return resolved;
    };
    this.#entryPoints.push({ namespace, name, reference, source: this.#source, target });
  }

  refuse(issue: FieldIssue): void {
    this.#fieldIssues.push({ pkg: this.#current(), issue });
  }

  build(issues: readonly WalkIssue[]): Findings {
    // Frozen, so that a report for every namespace can hand out this very array.
    const entryPoints = Object.freeze(this.#entryPoints);
    return { entryPoints, fieldIssues: this.#fieldIssues, issues };
  }

  #current(): ScannedPackage {
    if (this.#pkg === undefined) throw new Error('FindingsBuilder: startPackage() first');
    return this.#pkg;
  }
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

/** `package acme@1.0.0 (/…/node_modules/acme/package.json)`: how messages name a package. */
export function packageLabel(pkg: ScannedPackage): string {
  return `package ${pkg.name}@${pkg.version} (${pkg.root}${sep}package.json)`;
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
    origin: `${pkg.root}${sep}package.json`,
    reference,
    source: sourceOf(pkg),
    error,
  };
}

function resolveTarget(pkg: ScannedPackage, declaration: Declaration): ImportTarget {
  const result = resolvePackageModule({
    root: pkg.root,
    packageName: pkg.name,
    hasExports: pkg.hasExports,
    exports: pkg.exports,
    module: declaration.module,
    exportName: declaration.exportName,
  });
  if (result.ok) return result.target;
  const who = { namespace: declaration.namespace, name: declaration.name };
  if (result.escapes) throw new ReferenceEscapeError(declaration.reference, result.why, who);
  const message = `import reference "${declaration.reference}" of ${pkg.name}@${pkg.version} cannot be resolved: ${result.why}`;
  throw new DiscoveryError(message, { ...who, cause: result.cause });
}

function sourceOf(pkg: ScannedPackage): PluginSource {
  const { name: packageName, version, root } = pkg;
  return { kind: 'package', via: 'package-scan', packageName, version, root };
}
