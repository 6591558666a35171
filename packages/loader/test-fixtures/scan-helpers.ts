/**
 * Shared by the package-scan and cache tests: the fixture packages under
 * `packages/`, a project that removes itself when the test ends, and a scan
 * run the way a new process would run it (a fresh source; only the disk cache
 * carries over).
 */
import { onTestFinished } from 'vitest';
import type { PluginSource } from '../src/discovery/entry-point.ts';
import { type PackageScanOptions, packageScan } from '../src/discovery/package-scan.ts';
import { type FakeProject, makeProject, type ProjectSpec } from './make-project.ts';

export const meter = { name: 'meter-plugins', template: 'meter-plugins' };
export const acme = { name: '@acme/extra-storage', template: '@acme/extra-storage' };
export const shared = { name: 'shared-helpers', template: 'shared-helpers' };
export const escaping = { name: 'escaping-plugins', template: 'escaping-plugins' };

export function useProject(spec: ProjectSpec): FakeProject {
  const made = makeProject(spec);
  onTestFinished(() => made.remove());
  return made;
}

/** Scans once with a new source; `names` reads `plugin@package@version`. */
export function scanFresh(cwd: string, options: PackageScanOptions = {}) {
  const source = packageScan({ cwd, ...options });
  const report = source.discover();
  const stats = source.lastScan;
  if (stats === undefined) throw new Error('discover() did not record a scan');
  const names = report.entryPoints.map((e) => `${e.name}@${origin(e.source)}`);
  return { report, stats, names };
}

function origin(source: PluginSource): string {
  return source.kind === 'package' ? `${source.packageName}@${source.version}` : source.kind;
}
