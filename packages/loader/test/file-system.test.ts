/**
 * The file system fights back: a symlink loop in node_modules, a manifest
 * that is a link to itself, a package.json that is not JSON, a folder or a
 * manifest nobody may read, a plugin file that is gone by the time it is
 * imported. In every case the scan reports the one bad thing, naming it,
 * and goes on: the good package beside it is still found and still loads.
 *
 * (A manifest that vanishes between being found and being read is in
 * `file-system-race.test.ts`, which needs a mocked `node:fs`.)
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { DiscoveryReport } from '../src/discovery/index.ts';
import {
  DiscoveryError,
  directoryScan,
  ExtensionSet,
  PluginImportError,
  packageScan,
} from '../src/index.ts';
import { type FakeProject, makeProject, type PackageSpec } from '../test-fixtures/make-project.ts';

const NAMESPACE = 'lab.pollster';
const PLUGIN = 'export class Plugin {\n  poll() {\n    return [];\n  }\n}\n';

/** A package with one good plugin, `cpu`: the neighbour that must survive. */
function goodPackage(name = 'good-plugins'): PackageSpec {
  return {
    name,
    manifest: {
      type: 'module',
      exports: { './plugin': './plugin.js' },
      entryPoints: { [NAMESPACE]: { [`${name}-cpu`]: './plugin:Plugin' } },
    },
    files: { 'plugin.js': PLUGIN },
  };
}

function project(packages: readonly PackageSpec[], extra: readonly string[] = []): FakeProject {
  const names = [...packages.map((p) => p.name), ...extra];
  const made = makeProject({
    host: { dependencies: Object.fromEntries(names.map((n) => [n, '1.0.0'])) },
    packages,
  });
  onTestFinished(() => made.remove());
  return made;
}

function scan(cwd: string): DiscoveryReport {
  return packageScan({ cwd, cache: false }).discover(NAMESPACE);
}

function messages(report: DiscoveryReport): string[] {
  return report.problems.map((p) => {
    expect(p.error).toBeInstanceOf(DiscoveryError);
    return p.error.message;
  });
}

describe('a symlink loop in node_modules', () => {
  it('is reported by name, and the good package beside it is still found', () => {
    const made = project([goodPackage()], ['loop-a']);
    const modules = join(made.dir, 'node_modules');
    symlinkSync('loop-b', join(modules, 'loop-a'));
    symlinkSync('loop-a', join(modules, 'loop-b'));
    const report = scan(made.dir);
    expect(report.entryPoints.map((e) => e.name)).toEqual(['good-plugins-cpu']);
    const [message, ...rest] = messages(report);
    expect(rest).toEqual([]);
    expect(message).toContain('"loop-a" is declared in "dependencies" of the host');
  });

  it('a package.json that links to itself is "a symbolic link loop"', () => {
    const made = project([goodPackage(), goodPackage('self-linked')]);
    const manifest = join(made.dir, 'node_modules', 'self-linked', 'package.json');
    rmSync(manifest);
    symlinkSync('package.json', manifest);
    const report = scan(made.dir);
    expect(report.entryPoints.map((e) => e.name)).toEqual(['good-plugins-cpu']);
    expect(messages(report)).toEqual([
      `[${NAMESPACE}] (discovery) package "self-linked" is unusable: cannot read ${manifest}: it is a symbolic link loop`,
    ]);
  });

  it('in a plugin folder, a looping file is refused and the others are found', () => {
    const made = project([]);
    const folder = join(made.root, 'plugins');
    mkdirSync(folder);
    writeFileSync(join(folder, 'cpu.js'), PLUGIN);
    symlinkSync('loop.js', join(folder, 'loop.js'));
    const report = directoryScan({ namespace: NAMESPACE, directory: folder }).discover();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['cpu']);
    expect(messages(report)).toEqual([
      expect.stringContaining(
        `plugin file ${join(folder, 'loop.js')} cannot be used: it is a symbolic link loop`,
      ),
    ]);
  });
});

describe('a package.json that is not JSON', () => {
  it.each([
    ['truncated', '{ "name": "broken-plugins", "entryPoints": {'],
    ['empty', ''],
    ['a JSON array', '[1, 2]'],
    ['a byte-order mark and then garbage', '\uFEFF{ nope }'],
  ])('(%s) is reported with its path; the good package still loads', async (_, text) => {
    const made = project([goodPackage(), { name: 'broken-plugins', rawManifest: text }]);
    const report = scan(made.dir);
    const [message] = messages(report);
    expect(message).toContain('package "broken-plugins" is unusable:');
    expect(message).toContain(join(made.dir, 'node_modules', 'broken-plugins', 'package.json'));
    const set = ExtensionSet.discover({
      namespace: NAMESPACE,
      sources: [packageScan({ cwd: made.dir, cache: false })],
    });
    expect((await set.loadAll()).map((e) => e.name)).toEqual(['good-plugins-cpu']);
  });
});

describe('what nobody may read (scanned by an unprivileged user)', () => {
  const script = join(import.meta.dirname, 'fixtures', 'scan-as-user.ts');

  /** Runs the scan as `nobody` when the tests run as root, since root reads mode-000 files. */
  function scanAsUser(args: readonly string[]) {
    const node = [process.execPath, '--conditions=@plugin-patterns/source', script, ...args];
    const asRoot = process.getuid?.() === 0;
    const [command, ...rest] = asRoot
      ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node]
      : node;
    const run = spawnSync(command as string, rest, { encoding: 'utf8', timeout: 15_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout) as {
      packageScan: { entryPoints: string[]; problems: { name: string; message: string }[] };
      directoryScans: { entryPoints: string[]; problems: { name: string; message: string }[] }[];
    };
  }

  it('an unreadable package folder and an unreadable manifest: "permission denied", and the scan goes on', () => {
    const made = project([goodPackage(), goodPackage('locked-folder'), goodPackage('locked-file')]);
    const modules = join(made.dir, 'node_modules');
    const plugins = join(made.root, 'plugins');
    const locked = join(made.root, 'locked-plugins');
    mkdirSync(plugins);
    writeFileSync(join(plugins, 'cpu.js'), PLUGIN);
    mkdirSync(locked);
    chmodSync(made.root, 0o755); // a temporary folder is private to its owner
    chmodSync(join(modules, 'locked-folder'), 0o000);
    chmodSync(join(modules, 'locked-file', 'package.json'), 0o000);
    chmodSync(locked, 0o000);
    onTestFinished(() => {
      chmodSync(join(modules, 'locked-folder'), 0o755);
      chmodSync(locked, 0o755);
    });

    const found = scanAsUser([made.dir, plugins, locked]);
    expect(found.packageScan.entryPoints).toEqual([`${NAMESPACE}:good-plugins-cpu`]);
    expect(found.packageScan.problems).toEqual([
      {
        name: 'DiscoveryError',
        message: `[*] (discovery) package "locked-folder" is unusable: cannot read ${join(modules, 'locked-folder', 'package.json')}: permission denied`,
      },
      {
        name: 'DiscoveryError',
        message: `[*] (discovery) package "locked-file" is unusable: cannot read ${join(modules, 'locked-file', 'package.json')}: permission denied`,
      },
    ]);
    expect(found.directoryScans).toEqual([
      { entryPoints: [`${NAMESPACE}:cpu`], problems: [] },
      {
        entryPoints: [],
        problems: [
          {
            name: 'DiscoveryError',
            message: `[${NAMESPACE}] (discovery) plugin folder ${locked} cannot be read: permission denied`,
          },
        ],
      },
    ]);
  });
});

describe('a plugin file that is gone by the time it is imported', () => {
  it('fails that plugin at import, by name; the others load', async () => {
    const made = project([goodPackage(), goodPackage('fleeting')]);
    const set = ExtensionSet.discover({
      namespace: NAMESPACE,
      sources: [packageScan({ cwd: made.dir, cache: false })],
    });
    // Discovery read only manifests; the module disappears before anyone loads it.
    rmSync(join(made.dir, 'node_modules', 'fleeting', 'plugin.js'));
    const ready = await set.loadAll();
    expect(ready.map((e) => e.name)).toEqual(['good-plugins-cpu']);
    const [gone] = set.named('fleeting-cpu');
    expect(gone?.state.status).toBe('failed');
    const error = gone?.lastError;
    expect(
      error === undefined || error instanceof DiscoveryError || error instanceof PluginImportError,
    ).toBe(true);
    expect(error).toMatchObject({ namespace: NAMESPACE, plugin: 'fleeting-cpu' });
    expect(error?.message).toContain('./plugin');
  });
});
