/**
 * Test helpers: a discovery source over the fixture packages in
 * `test-fixtures/`, and the record of which fixture modules were evaluated.
 *
 * The source reads each package's `entryPoints` the way a package scan does
 * (manifests only, references resolved through the package's own `exports`)
 * and imports nothing, so a test can tell exactly what the driver manager
 * chose to import.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoverySource, EntryPoint, ImportTarget } from '@plugin-patterns/loader';
import { parsePackageReference, resolvePackageModule } from '@plugin-patterns/loader';

export const FIXTURES: string = join(import.meta.dirname, '..', 'test-fixtures');

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly entryPoints: Record<string, Record<string, string>>;
}

/** A source that declares what the named fixture packages declare. */
export function fixtureSource(...packages: string[]): DiscoverySource {
  return {
    kind: 'fixture-scan',
    discover(namespace?: string) {
      const entryPoints: EntryPoint[] = [];
      for (const folder of packages) {
        const root = realpathSync(join(FIXTURES, folder));
        const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
        for (const [ns, plugins] of Object.entries(manifest.entryPoints)) {
          if (namespace !== undefined && ns !== namespace) continue;
          for (const [name, reference] of Object.entries(plugins)) {
            entryPoints.push({
              namespace: ns,
              name,
              reference,
              source: {
                kind: 'package',
                packageName: manifest.name,
                version: manifest.version,
                root,
                via: 'package-scan',
              },
              target: () => resolveTarget(root, manifest.name, reference),
            });
          }
        }
      }
      return { entryPoints, problems: [] };
    },
  };
}

/** Fixture modules evaluated so far in this test file, e.g. `fast-drivers/memory`. */
export function evaluatedFixtures(): string[] {
  const record = (globalThis as { __driverFixtureEvaluations?: string[] })
    .__driverFixtureEvaluations;
  return [...(record ?? [])];
}

function resolveTarget(root: string, packageName: string, reference: string): ImportTarget {
  const parsed = parsePackageReference(reference);
  if (!parsed.ok) throw new Error(`fixture reference ${reference}: ${parsed.why}`);
  const resolved = resolvePackageModule({
    root,
    packageName,
    hasExports: true,
    module: parsed.reference.module,
    exportName: parsed.reference.exportName,
  });
  if (!resolved.ok) throw new Error(`fixture reference ${reference}: ${resolved.why}`);
  return resolved.target;
}
