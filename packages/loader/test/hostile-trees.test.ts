/**
 * Hostile trees: what a scan must not pick up from folders the host did not
 * name (a parent folder's node_modules, a link out of a plugin folder), what
 * it must not believe from its own cache, and a file swapped for a link
 * between the check and the import. Each defence has a test of its own.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  directoryScan,
  ExtensionSet,
  PluginImportError,
  packageScan,
  ReferenceEscapeError,
} from '../src/index.ts';
import { tempTree } from '../test-fixtures/temp-tree.ts';

const NAMESPACE = 'lab.pollster';

/** A package that declares one plugin, `name`, in `./plugin.js`. */
function pluginPackage(name: string, plugin = 'cpu') {
  return {
    [`${name}/package.json`]: {
      name,
      version: '1.0.0',
      type: 'module',
      exports: { './plugin': './plugin.js' },
      entryPoints: { [NAMESPACE]: { [plugin]: './plugin:Plugin' } },
    },
    [`${name}/plugin.js`]: 'export class Plugin { poll() { return []; } }\n',
  };
}

const prefixed = (prefix: string, files: Record<string, string | object>) =>
  Object.fromEntries(
    Object.entries(files).map(([path, content]) => [`${prefix}/${path}`, content]),
  );

describe('parent folders: the scan resolves from the host’s own node_modules', () => {
  const layout = () =>
    tempTree({
      'host/package.json': { name: 'host', dependencies: { 'meter-parent': '1.0.0' } },
      'host/node_modules/.keep': '',
      ...prefixed('node_modules', pluginPackage('meter-parent')),
    });

  it('does not pick up a dependency installed only in a parent folder', () => {
    const root = layout();
    const report = packageScan({ cwd: join(root, 'host'), cache: false }).discover(NAMESPACE);
    expect(report.entryPoints).toEqual([]);
    expect(report.problems.map((p) => p.error.message)).toEqual([
      expect.stringContaining('"meter-parent" is declared in "dependencies" of the host'),
    ]);
    expect(report.problems[0]?.error.message).toContain('hoisted: true');
  });

  it('finds it with the explicit option for hoisted workspaces', () => {
    const root = layout();
    const scan = packageScan({ cwd: join(root, 'host'), cache: false, hoisted: true });
    const report = scan.discover(NAMESPACE);
    expect(report.entryPoints.map((e) => e.name)).toEqual(['cpu']);
    expect(report.problems).toEqual([]);
  });
});

describe('the directory scan keeps to its folder', () => {
  it('refuses a plugin file that is a link to a file outside the folder', () => {
    const root = tempTree({
      'outside/secret.js': 'globalThis.leaked = true; export default {};\n',
      'plugins/honest.js': 'export default { poll() { return []; } };\n',
    });
    symlinkSync(join(root, 'outside/secret.js'), join(root, 'plugins/linked.js'));
    const report = directoryScan({
      namespace: NAMESPACE,
      directory: join(root, 'plugins'),
    }).discover();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['honest']);
    expect(report.problems.map((p) => [p.name, p.error.constructor.name])).toEqual([
      ['linked', ReferenceEscapeError.name],
    ]);
    expect(report.problems[0]?.error.message).toContain(
      `resolves to ${join(root, 'outside/secret.js')}, outside the plugin folder ${join(root, 'plugins')}`,
    );
  });

  it('keeps a link that stays inside the folder', () => {
    const root = tempTree({ 'plugins/real/cpu.js': 'export default {};\n' });
    symlinkSync(join(root, 'plugins/real/cpu.js'), join(root, 'plugins/cpu.js'));
    const report = directoryScan({
      namespace: NAMESPACE,
      directory: join(root, 'plugins'),
    }).discover();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['cpu']);
  });
});

describe('check, then swap: a file replaced by a link after it was resolved', () => {
  afterEach(() => {
    delete (globalThis as { swappedIn?: unknown }).swappedIn;
  });

  it('is refused at import, and the file outside never runs', async () => {
    const root = tempTree({
      'outside/secret.js': 'globalThis.swappedIn = true; export class Plugin {}\n',
      'host/package.json': { name: 'host', dependencies: { 'meter-swap': '1.0.0' } },
      ...prefixed('host/node_modules', pluginPackage('meter-swap')),
    });
    const set = ExtensionSet.discover({
      namespace: NAMESPACE,
      sources: [packageScan({ cwd: join(root, 'host'), cache: false })],
    });
    const [extension] = set.extensions;
    if (extension === undefined) throw new Error('not found');
    expect(extension.target.url).toContain('meter-swap/plugin.js'); // checked and resolved here
    const file = join(root, 'host/node_modules/meter-swap/plugin.js');
    rmSync(file);
    symlinkSync(join(root, 'outside/secret.js'), file);
    await extension.load().catch(() => undefined);
    expect((globalThis as { swappedIn?: unknown }).swappedIn).toBeUndefined();
    expect(extension.state).toMatchObject({ status: 'failed', stage: 'import' });
    const { state } = extension;
    if (state.status !== 'failed') throw new Error('not failed');
    expect(state.error).toBeInstanceOf(PluginImportError);
    expect(state.error.message).toContain(
      `it now resolves to ${join(root, 'outside/secret.js')}, outside ${join(root, 'host/node_modules/meter-swap')}`,
    );
    expect(state.error.message).toContain('the file was replaced after it was checked');
  });
});

describe('the discovery cache is input', () => {
  const host = () =>
    tempTree({
      'outside/plugin.js': 'globalThis.fromOutside = true; export class Plugin {}\n',
      'outside/package.json': {
        name: 'meter-cached',
        version: '1.0.0',
        type: 'module',
        exports: { './plugin': './plugin.js' },
      },
      'host/package.json': { name: 'host', dependencies: { 'meter-cached': '1.0.0' } },
      ...prefixed('host/node_modules', pluginPackage('meter-cached')),
    });
  const cacheFile = (root: string) => {
    const dir = join(root, 'host/node_modules/.cache/plugin-patterns');
    const [file] = readdirSync(dir).filter((f) => f.endsWith('.json'));
    return join(dir, file as string);
  };
  /** Scans once (writing the cache), lets `edit` change the file, and scans again. */
  type CacheData = { packages: Record<'root' | 'name' | 'version', unknown[]> };
  const rescanAfter = (root: string, edit: (data: CacheData) => void) => {
    packageScan({ cwd: join(root, 'host') }).discover();
    const file = cacheFile(root);
    const data = JSON.parse(readFileSync(file, 'utf8')) as CacheData;
    edit(data);
    writeFileSync(file, JSON.stringify(data));
    const scan = packageScan({ cwd: join(root, 'host') });
    const report = scan.discover(NAMESPACE);
    return { report, stats: scan.lastScan };
  };

  it('refuses a package folder outside the scanned folders, rebuilds, and says why', () => {
    const root = host();
    const { report, stats } = rescanAfter(root, (data) => {
      data.packages.root[0] = '../outside';
    });
    expect(stats?.fromCache).toBe(false);
    expect(stats?.cache).toBe('invalid');
    expect(stats?.cacheNote).toContain(
      `the folder of package "meter-cached" (${join(root, 'outside')}) is not one the scan found`,
    );
    expect(report.entryPoints[0]?.source).toMatchObject({
      root: join(root, 'host/node_modules/meter-cached'),
    });
    // Rebuilt: the next scan trusts the file again.
    const again = packageScan({ cwd: join(root, 'host') });
    again.discover();
    expect(again.lastScan?.cache).toBe('hit');
  });

  it('cleans a package name read back from the cache again', () => {
    const root = host();
    const { report, stats } = rescanAfter(root, (data) => {
      data.packages.name[0] = '\u001b[2Jmeter-cached';
    });
    expect(stats?.cache).toBe('invalid');
    expect(stats?.cacheNote).toContain('is not a valid package name');
    expect(JSON.stringify(report)).not.toContain('\\u001b');
  });

  it('cleans a version read back from the cache again', () => {
    const root = host();
    const { stats } = rescanAfter(root, (data) => {
      data.packages.version[0] = '1.0.0\n[ok] verified';
    });
    expect(stats?.cache).toBe('invalid');
    expect(stats?.cacheNote).toContain('version of package "meter-cached"');
  });
});

describe('operators can turn the discovery cache off without code', () => {
  const host = () =>
    tempTree({
      'host/package.json': { name: 'host', dependencies: { 'meter-plain': '1.0.0' } },
      ...prefixed('host/node_modules', pluginPackage('meter-plain')),
    });
  const ENV = 'PLUGIN_PATTERNS_DISCOVERY_CACHE';
  afterEach(() => {
    delete process.env[ENV];
  });

  it(`is off when ${ENV}=off, and the stats say so`, () => {
    const root = host();
    process.env[ENV] = 'off';
    const scan = packageScan({ cwd: join(root, 'host') });
    scan.discover();
    expect(scan.lastScan).toMatchObject({ cache: 'off', fromCache: false, cacheFile: undefined });
    expect(scan.lastScan?.cacheNote).toBe(`turned off by ${ENV}=off`);
    expect(() => readdirSync(join(root, 'host/node_modules/.cache'))).toThrow();
  });

  it('is off when its folder holds a file named "disabled"', () => {
    const root = host();
    const dir = join(root, 'host/node_modules/.cache/plugin-patterns');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'disabled'), '');
    const scan = packageScan({ cwd: join(root, 'host') });
    scan.discover();
    expect(scan.lastScan).toMatchObject({ cache: 'off', fromCache: false });
    expect(scan.lastScan?.cacheNote).toBe(`turned off by ${join(dir, 'disabled')}`);
    expect(readdirSync(dir)).toEqual(['disabled']);
  });

  it('is on otherwise', () => {
    const root = host();
    const scan = packageScan({ cwd: join(root, 'host') });
    scan.discover();
    scan.refresh();
    scan.discover();
    expect(scan.lastScan?.cache).toBe('hit');
  });
});
