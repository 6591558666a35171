/**
 * The conformance kit for plugin authors: "would a host load my package?",
 * answered before any host tries. It reads the package's own `entryPoints`
 * field and walks each declared plugin through the steps a host's pipeline
 * takes — the reference is valid and stays inside the package, it resolves
 * through the package's `exports`, the module imports and has the export, the
 * host's integration accepts it, and the result meets the namespace's contract.
 *
 * It reuses the loader's own pieces (the manifest reader and field parser of
 * discovery, `resolvePackageModule`, the importer), so it cannot pass a
 * package that the real scan would refuse. The namespace-specific part, the
 * contracts and integrations, comes from the host: a host package can publish
 * a one-line `assertPluginPackage` call for its plugin authors' test suites.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { readEntryPointField } from '../discovery/entry-point-field.ts';
import { packageFacts, readManifest } from '../discovery/manifest-file.ts';
import { closestName } from '../shared/closest-name.ts';
import { describeValue } from '../shared/describe-value.ts';
import { checkEntryPoint, type EntryPointCheckOptions } from './check-entry-point.ts';
import {
  type ConformanceCheck,
  type EntryPointConformance,
  failed,
  type PackageConformance,
  PluginConformanceError,
} from './conformance-report.ts';

export interface CheckPluginPackageOptions extends EntryPointCheckOptions {
  /** The plugin package's folder (the one holding its package.json). */
  readonly packageDir: string;
  /** Check only this namespace's entry points (and fail if there are none). */
  readonly namespace?: string;
}

export async function checkPluginPackage(
  options: CheckPluginPackageOptions,
): Promise<PackageConformance> {
  const packageDir = realFolder(options.packageDir);
  const read = readManifest(join(packageDir, 'package.json'));
  if (!read.ok) return packageReport(packageDir, undefined, [failed('manifest', read.why)], []);
  const facts = packageFacts(read.manifest, '');
  const packageName = facts.name === '' ? undefined : facts.name;
  const checks: ConformanceCheck[] = [];
  if (packageName === undefined && facts.hasExports) {
    checks.push(
      failed('manifest', 'package.json has "exports" but no "name": its modules cannot resolve'),
    );
  }
  if (!Object.hasOwn(read.manifest, 'entryPoints')) {
    checks.push(
      failed('entryPoints', 'package.json has no "entryPoints" field: it declares no plugins'),
    );
    return packageReport(packageDir, packageName, checks, []);
  }
  const field = readEntryPointField(read.manifest.entryPoints, {
    field: 'entryPoints',
    packageLabel: packageName ?? packageDir,
  });
  const wanted = (ns: string | undefined) =>
    options.namespace === undefined || ns === options.namespace;
  const entries: EntryPointConformance[] = [];
  for (const issue of field.issues.filter((i) => wanted(i.namespace))) {
    if (issue.namespace === undefined || issue.name === undefined) {
      checks.push(failed('entryPoints', issue.why));
    } else {
      const reference =
        typeof issue.reference === 'string' ? issue.reference : describeValue(issue.reference);
      const check = failed('reference', issue.why);
      entries.push({
        namespace: issue.namespace,
        name: issue.name,
        reference,
        ok: false,
        checks: [check],
      });
    }
  }
  const declarations = field.declarations.filter((d) => wanted(d.namespace));
  if (options.namespace !== undefined && declarations.length === 0 && entries.length === 0) {
    const declared = new Set(field.declarations.map((d) => d.namespace));
    const near = closestName(options.namespace, declared);
    const hint = near === undefined ? '' : ` Did you mean "${near}"?`;
    checks.push(failed('namespace', `declares no plugins in "${options.namespace}".${hint}`));
  }
  const root = { packageDir, packageName: packageName ?? '', hasExports: facts.hasExports };
  for (const declaration of declarations) {
    entries.push(await checkEntryPoint(declaration, root, options));
  }
  return packageReport(packageDir, packageName, checks, entries);
}

/** Runs `checkPluginPackage` and throws a PluginConformanceError listing every failure. */
export async function assertPluginPackage(
  options: CheckPluginPackageOptions,
): Promise<PackageConformance> {
  const report = await checkPluginPackage(options);
  if (!report.ok) throw new PluginConformanceError(report);
  return report;
}

function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

function packageReport(
  packageDir: string,
  packageName: string | undefined,
  checks: ConformanceCheck[],
  entryPoints: EntryPointConformance[],
): PackageConformance {
  const ok = checks.every((c) => c.ok) && entryPoints.every((e) => e.ok);
  return { packageDir, packageName, ok, checks, entryPoints };
}
