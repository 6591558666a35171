/**
 * A host whose sources overlap, for the tests of every pattern: a package scan
 * over its installed packages, and a reference list naming the first of them
 * again. Each package declares one plugin, `hello`, whose module exports an
 * object that greets (`greet`) and says which events it handles (`eventTypes`).
 */
import type { DiscoverySource } from '../src/discovery/entry-point.ts';
import { packageScan } from '../src/discovery/package-scan.ts';
import { referenceList } from '../src/discovery/reference-list.ts';
import { ExtensionSet } from '../src/extension/extension-set.ts';
import { makeProject, type PackageSpec } from './make-project.ts';

export interface Greeter {
  readonly eventTypes: readonly string[];
  greet(who: string): string;
}

/** A package declaring `hello` in `namespace`; its greeting starts with the package's name. */
function greetingPackage(namespace: string, name: string, version = '1.0.0'): PackageSpec {
  return {
    name,
    version,
    manifest: {
      type: 'module',
      exports: { './hello': './hello.js' },
      entryPoints: { [namespace]: { hello: './hello:Hello' } },
    },
    files: {
      'hello.js': `export const Hello = {\n  eventTypes: ['greeting.*'],\n  greet: (who) => '${name}: hello ' + who,\n};\n`,
    },
  };
}

interface FoundTwice {
  /** The package scan, then the reference list naming the first package's `hello`. */
  readonly sources: readonly DiscoverySource[];
  /** Deletes the host. */
  remove(): void;
}

/** A host with `packages` installed, read by a package scan and by a reference list. */
function foundTwice(namespace: string, packages: readonly PackageSpec[]): FoundTwice {
  const dependencies = Object.fromEntries(packages.map((p) => [p.name, p.version ?? '1.0.0']));
  const project = makeProject({ host: { dependencies }, packages });
  const listed = (packages[0] as PackageSpec).name;
  return {
    sources: [
      packageScan({ cwd: project.dir, cache: false }),
      referenceList({ namespace, cwd: project.dir, plugins: { hello: `${listed}/hello:Hello` } }),
    ],
    remove: () => project.remove(),
  };
}

/** Extension sets over found-twice hosts, for one test file. */
export interface FoundTwiceSets {
  /**
   * A host with the greeting package installed (and `rivals`, more packages
   * declaring `hello`), found twice; its extension set, discovered.
   */
  discover(...rivals: string[]): ExtensionSet<Greeter>;
  /** Deletes every host made so far (for `afterAll`). */
  removeAll(): void;
}

export function foundTwiceSets(namespace: string): FoundTwiceSets {
  const hosts: FoundTwice[] = [];
  return {
    discover(...rivals) {
      const names = ['greeting-plugins', ...rivals];
      const host = foundTwice(
        namespace,
        names.map((name) => greetingPackage(namespace, name)),
      );
      hosts.push(host);
      return ExtensionSet.discover<Greeter>({ namespace, sources: host.sources });
    },
    removeAll() {
      for (const host of hosts.splice(0)) host.remove();
    },
  };
}
