/**
 * From what a package scan read to what discovery reports: every declaration
 * of every namespace becomes an entry point whose target is resolved only when
 * the plugin is loaded, and every refused part becomes a problem with a typed
 * error that names the package and the field.
 *
 * The findings are built once per scan (or cache load); `reportFor` only
 * filters them by namespace, so one scan serves every namespace of a host.
 * A resolved target is remembered, so a plugin loaded twice resolves once.
 */
import { join } from 'node:path';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { resolvePackageModule } from '../importing/resolve.ts';
import type {
  DiscoveryProblem,
  DiscoveryReport,
  EntryPoint,
  ImportTarget,
  PluginSource,
} from './entry-point.ts';
import { type Declaration, type FieldIssue, readEntryPointField } from './entry-point-field.ts';
import type { InstalledPackage, PackageWalk } from './installed-packages.ts';
import { refusedReference } from './refused-reference.ts';

export interface Findings {
  readonly entryPoints: readonly EntryPoint[];
  readonly fieldIssues: readonly { readonly pkg: InstalledPackage; readonly issue: FieldIssue }[];
  readonly walk: PackageWalk;
}

/** Turns what was read into entry points (with deferred targets) and refused parts. */
export function interpret(walk: PackageWalk, field: string): Findings {
  const entryPoints: EntryPoint[] = [];
  const fieldIssues: { pkg: InstalledPackage; issue: FieldIssue }[] = [];
  for (const pkg of walk.packages) {
    const packageLabel = `package ${pkg.name}@${pkg.version} (${join(pkg.root, 'package.json')})`;
    const reading = readEntryPointField(pkg.field, { field, packageLabel });
    for (const issue of reading.issues) fieldIssues.push({ pkg, issue });
    for (const declaration of reading.declarations) {
      let resolved: ImportTarget | undefined;
      entryPoints.push({
        namespace: declaration.namespace,
        name: declaration.name,
        reference: declaration.reference,
        source: sourceOf(pkg),
        target: () => {
          resolved ??= resolveTarget(pkg, declaration);
          return resolved;
        },
      });
    }
  }
  return { entryPoints, fieldIssues, walk };
}

export function reportFor(findings: Findings, namespace: string | undefined): DiscoveryReport {
  const entryPoints = findings.entryPoints.filter(
    (e) => namespace === undefined || e.namespace === namespace,
  );
  const problems: DiscoveryProblem[] = [];
  // Whatever kept a package from being read could have hidden plugins of any namespace.
  for (const issue of findings.walk.issues) {
    const error = new DiscoveryError(issue.why, { namespace: namespace ?? '*' });
    problems.push({ namespace: undefined, name: undefined, origin: issue.origin, error });
  }
  for (const { pkg, issue } of findings.fieldIssues) {
    if (namespace !== undefined && issue.namespace !== undefined && issue.namespace !== namespace) {
      continue;
    }
    const who = { namespace: issue.namespace ?? namespace ?? '*', name: issue.name };
    const hasReference = Object.hasOwn(issue, 'reference');
    const error = hasReference
      ? refusedReference(issue.reference, issue.why, { ...who, kind: 'package' })
      : new DiscoveryError(issue.why, who);
    const reference = typeof issue.reference === 'string' ? issue.reference : undefined;
    const { namespace: ns, name } = issue;
    problems.push({
      namespace: ns,
      name,
      origin: join(pkg.root, 'package.json'),
      reference,
      source: sourceOf(pkg),
      error,
    });
  }
  return { entryPoints, problems };
}

function resolveTarget(pkg: InstalledPackage, declaration: Declaration): ImportTarget {
  const result = resolvePackageModule({
    root: pkg.root,
    packageName: pkg.name,
    hasExports: pkg.hasExports,
    module: declaration.module,
    exportName: declaration.exportName,
  });
  if (result.ok) return result.target;
  const who = { namespace: declaration.namespace, name: declaration.name };
  if (result.escapes) throw new ReferenceEscapeError(declaration.reference, result.why, who);
  const message = `import reference "${declaration.reference}" of ${pkg.name}@${pkg.version} cannot be resolved: ${result.why}`;
  throw new DiscoveryError(message, { ...who, cause: result.cause });
}

function sourceOf(pkg: InstalledPackage): PluginSource {
  const { name: packageName, version, root } = pkg;
  return { kind: 'package', via: 'package-scan', packageName, version, root };
}
