/**
 * A project outside this repository, the way a user makes one: a folder with
 * its own package.json, the plugin-patterns packages and a third party's
 * plugin package installed by npm, pnpm or Bun, and a host program that finds,
 * loads and calls that third party's plugins. Both the tarball test
 * (docs/use-it-outside.test.ts) and the registry check (registry-check.ts) build
 * one here, so the page's promise and the release are tested by the same steps.
 *
 * The host and the plugin package are the ones the page shows:
 * docs/examples/outside/host.ts and docs/examples/outside/greeters/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const OUTSIDE_EXAMPLES = join(ROOT, 'docs', 'examples', 'outside');
export const PLUGIN_DIR = join(OUTSIDE_EXAMPLES, 'greeters');
export const PAGE = join(ROOT, 'docs', 'use-it-outside-this-repository.md');
/** What the host imports; npm, pnpm and Bun bring in the loader's own dependencies. */
export const HOST_PACKAGES = [
  '@plugin-patterns/loader',
  '@plugin-patterns/driver',
  '@plugin-patterns/iterator',
];
export const PLUGIN_PACKAGE = '@example/greeters';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end; a failure throws with everything it printed. */
export function run(command: string, args: readonly string[], cwd: string, env = process.env): Run {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? `${result.error ?? ''}`,
  };
}

export function mustRun(
  command: string,
  args: readonly string[],
  cwd: string,
  env = process.env,
): Run {
  const result = run(command, args, cwd, env);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/** The folders of the packages this repository publishes (every non-private one under packages/). */
export function publicPackages(): { name: string; dir: string }[] {
  const packagesDir = join(ROOT, 'packages');
  return readdirSync(packagesDir)
    .map((folder) => join(packagesDir, folder))
    .flatMap((dir) => {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        return manifest.private === true ? [] : [{ name: manifest.name as string, dir }];
      } catch {
        return []; // a folder without a manifest is no package
      }
    });
}

/**
 * Packs every public package with pnpm (which writes versions for the
 * workspace ranges and applies publishConfig) into `dest`: all of them, or
 * those `names`. Needs their `pnpm build`. Returns each tarball by package name.
 */
export function packWorkspace(dest: string, names?: readonly string[]): Map<string, string> {
  const tarballs = new Map<string, string>();
  for (const { name, dir } of publicPackages()) {
    if (names !== undefined && !names.includes(name)) continue;
    const { stdout } = mustRun('pnpm', ['pack', '--pack-destination', dest, '--json'], dir);
    tarballs.set(
      name,
      (JSON.parse(stdout.slice(stdout.indexOf('{'))) as { filename: string }).filename,
    );
  }
  return tarballs;
}

/** Packs the third party's plugin package with npm, as its author would. */
export function packPlugin(dest: string): string {
  const { stdout } = mustRun(
    'npm',
    ['pack', '--pack-destination', dest, '--json', PLUGIN_DIR],
    dest,
  );
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return join(dest, packed?.filename ?? '');
}

/** A fresh project in `dir`: its package.json with `dependencies`, and the page's host program. */
export function writeHostProject(dir: string, dependencies: Record<string, string>): void {
  const manifest = { name: 'greeting-host', private: true, type: 'module', dependencies };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(join(OUTSIDE_EXAMPLES, 'host.ts'), join(dir, 'host.ts'));
}

/** The lines the page shows under `$ node host.ts`: what every run of the host must print. */
export function expectedHostOutput(): string {
  const page = readFileSync(PAGE, 'utf8');
  const session = /```console\n\$ node host\.ts\n([\s\S]*?)```/.exec(page);
  if (session?.[1] === undefined) throw new Error(`${PAGE} shows no "$ node host.ts" session`);
  return session[1];
}
