/**
 * A host whose plugin modules write down their own evaluation, for the tests
 * that prove a manager imports only the plugins it will call. Each module
 * appends `package/plugin` to a log kept on `globalThis` under a key of its
 * host's own, so hosts built by different tests never share a log, and a
 * module the loader evaluated "just to look" shows up in it.
 *
 * Every plugin exports an object that greets (`greet`) and says which events
 * it handles (`eventTypes`), so the same host serves the driver, the
 * dispatcher and the iterator.
 */
import { randomBytes } from 'node:crypto';
import type { DiscoverySource } from '../src/discovery/entry-point.ts';
import { packageScan } from '../src/discovery/package-scan.ts';
import { makeProject, type PackageSpec } from './make-project.ts';

export interface LoggedPlugin {
  readonly eventTypes: readonly string[];
  greet(who: string): string;
}

export interface LoggedHost {
  /** A package scan of the host. */
  readonly sources: readonly DiscoverySource[];
  /** `package/plugin` of every module evaluated so far, in order. */
  evaluated(): string[];
  /** Deletes the host. */
  remove(): void;
}

/**
 * A host with `packages` installed: package name -> the plugin names it
 * declares in `namespace`. Two packages may declare the same name.
 */
export function loggedHost(
  namespace: string,
  packages: Readonly<Record<string, readonly string[]>>,
): LoggedHost {
  const key = `__evaluated_${randomBytes(6).toString('hex')}`;
  const specs: PackageSpec[] = Object.entries(packages).map(([name, plugins]) => ({
    name,
    version: '1.0.0',
    manifest: {
      type: 'module',
      exports: Object.fromEntries(plugins.map((p) => [`./${p}`, `./${p}.js`])),
      entryPoints: { [namespace]: Object.fromEntries(plugins.map((p) => [p, `./${p}`])) },
    },
    files: Object.fromEntries(plugins.map((p) => [`${p}.js`, moduleText(key, name, p)])),
  }));
  const dependencies = Object.fromEntries(specs.map((p) => [p.name, '1.0.0']));
  const project = makeProject({ host: { dependencies }, packages: specs });
  return {
    sources: [packageScan({ cwd: project.dir, cache: false })],
    evaluated: () => [...(((globalThis as Record<string, unknown>)[key] as string[]) ?? [])],
    remove: () => project.remove(),
  };
}

function moduleText(key: string, pkg: string, plugin: string): string {
  const who = `${pkg}/${plugin}`;
  return [
    `(globalThis[${JSON.stringify(key)}] ??= []).push(${JSON.stringify(who)});`,
    'export default {',
    `  eventTypes: [${JSON.stringify(`${plugin}.*`)}],`,
    `  greet: (who) => ${JSON.stringify(`${who}: hello `)} + who,`,
    '};',
    '',
  ].join('\n');
}
