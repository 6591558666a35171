/**
 * Test helpers: a host project with some of the fixture packages installed,
 * found by the loader's real package scan, and the record of which fixture
 * modules were evaluated.
 *
 * The host is a temporary folder whose package.json depends on the chosen
 * packages and whose node_modules links to their folders, as a workspace
 * install does. The scan reads manifests only, so a test can tell exactly
 * what the driver manager chose to import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DiscoverySource, packageScan } from '@plugin-patterns/loader';
import { type FakeProject, makeProject } from '../../loader/test-fixtures/make-project.ts';

const HERE = import.meta.dirname;
const FIXTURES = join(HERE, '..', 'test-fixtures');

/** Package folders a test may install: the fixtures, and the real PostgreSQL driver. */
const FOLDERS: Readonly<Record<string, string>> = {
  'fast-drivers': join(FIXTURES, 'fast-drivers'),
  'rival-drivers': join(FIXTURES, 'rival-drivers'),
  'storage-postgres': join(HERE, '..', '..', 'storage-postgres'),
};

export type FixturePackage = keyof typeof FOLDERS;

const hosts: FakeProject[] = [];

/** A package scan over a new host that depends on exactly these packages. */
export function installedSource(...packages: FixturePackage[]): DiscoverySource {
  return packageScan({ cwd: installedHost(...packages).dir, cache: false });
}

/** A new host that depends on exactly these packages, for sources of a test's own. */
export function installedHost(...packages: FixturePackage[]): FakeProject {
  const installs = packages.map((key) => {
    const folder = FOLDERS[key] as string;
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    return { name: manifest.name, version: manifest.version, folder };
  });
  const dependencies = Object.fromEntries(installs.map((p) => [p.name, p.version]));
  const host = makeProject({ host: { dependencies } });
  hosts.push(host);
  for (const { name, folder } of installs) host.linkWorkspace(name, folder);
  return host;
}

/** Deletes every host made so far (their links only: the packages stay). */
export function removeInstalledHosts(): void {
  for (const host of hosts.splice(0)) host.remove();
}

/** Fixture modules evaluated so far in this test file, e.g. `fast-drivers/memory`. */
export function evaluatedFixtures(): string[] {
  const record = (globalThis as { __driverFixtureEvaluations?: string[] })
    .__driverFixtureEvaluations;
  return [...(record ?? [])];
}
