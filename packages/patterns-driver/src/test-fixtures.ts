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
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type DiscoverySource, packageScan } from '@plugin-patterns/loader';

const HERE = import.meta.dirname;
export const FIXTURES: string = join(HERE, '..', 'test-fixtures');

/** Package folders a test may install: the fixtures, and the real PostgreSQL driver. */
const FOLDERS: Readonly<Record<string, string>> = {
  'fast-drivers': join(FIXTURES, 'fast-drivers'),
  'rival-drivers': join(FIXTURES, 'rival-drivers'),
  'storage-postgres': join(HERE, '..', '..', 'storage-postgres'),
};

export type FixturePackage = keyof typeof FOLDERS;

const hosts: string[] = [];

/** A package scan over a new host that depends on exactly these packages. */
export function installedSource(...packages: FixturePackage[]): DiscoverySource {
  const host = realpathSync(mkdtempSync(join(tmpdir(), 'driver-host-')));
  hosts.push(host);
  const dependencies: Record<string, string> = {};
  for (const key of packages) {
    const folder = FOLDERS[key] as string;
    const { name, version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    dependencies[name] = version;
    const link = join(host, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(folder, link, 'dir');
  }
  writeFileSync(
    join(host, 'package.json'),
    JSON.stringify({ name: 'driver-test-host', version: '1.0.0', dependencies }),
  );
  return packageScan({ cwd: host, cache: false });
}

/** Deletes every host made so far (their links only: the packages stay). */
export function removeInstalledHosts(): void {
  for (const host of hosts.splice(0)) rmSync(host, { recursive: true, force: true });
}

/** Fixture modules evaluated so far in this test file, e.g. `fast-drivers/memory`. */
export function evaluatedFixtures(): string[] {
  const record = (globalThis as { __driverFixtureEvaluations?: string[] })
    .__driverFixtureEvaluations;
  return [...(record ?? [])];
}
