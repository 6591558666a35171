import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type Layout, makeProject, type ProjectSpec } from '../../test-fixtures/make-project.ts';
import { ReferenceEscapeError } from '../errors/kinds.ts';
import type { PluginSource } from './entry-point.ts';
import { defaultCacheDir, type PackageScanOptions, packageScan } from './package-scan.ts';

function project(spec: ProjectSpec) {
  const made = makeProject(spec);
  onTestFinished(() => made.remove());
  return made;
}

const meter = { name: 'meter-plugins', template: 'meter-plugins' };
const acme = { name: '@acme/extra-storage', template: '@acme/extra-storage' };
const shared = { name: 'shared-helpers', template: 'shared-helpers' };
const host = { dependencies: { 'meter-plugins': '1', '@acme/extra-storage': '2' } };

/** A fresh source each time, as a new process would have: only the disk cache carries over. */
function scan(cwd: string, options: PackageScanOptions = {}) {
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

/** A package folder outside node_modules (a workspace member); returns a manifest editor. */
function workspacePackage(folder: string, manifest: Record<string, unknown>) {
  const write = (extra: Record<string, unknown>) =>
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ ...manifest, ...extra }));
  mkdirSync(folder, { recursive: true });
  write({});
  return write;
}

function cacheFiles(cwd: string): string[] {
  const dir = defaultCacheDir(cwd);
  return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
}

describe('reuse', () => {
  it.each<Layout>(['npm', 'pnpm'])('answers the second run from the cache (%s)', (layout) => {
    const p = project({ layout, host, packages: [shared, meter, acme], lockfile: true });
    const first = scan(p.dir);
    expect(first.stats).toMatchObject({ fromCache: false, cache: 'absent', packagesRead: 2 });
    expect(cacheFiles(p.dir)).toHaveLength(1);
    const second = scan(p.dir);
    expect(second.stats).toMatchObject({ fromCache: true, cache: 'hit', packagesRead: 0 });
    expect(second.stats.cacheNote).toBeUndefined();
    expect(second.names).toEqual(first.names);
    expect(second.report.entryPoints.map((e) => e.source)).toEqual(
      first.report.entryPoints.map((e) => e.source),
    );
  });

  it('keeps problems too, with their typed errors', () => {
    const escaping = { name: 'escaping-plugins', template: 'escaping-plugins' };
    const p = project({
      host: { dependencies: { 'escaping-plugins': '0', missing: '1' } },
      packages: [escaping],
    });
    const first = scan(p.dir);
    const second = scan(p.dir);
    expect(second.stats.fromCache).toBe(true);
    expect(
      second.report.problems.map((q) => [q.name, q.error.constructor, q.error.message]),
    ).toEqual(first.report.problems.map((q) => [q.name, q.error.constructor, q.error.message]));
    expect(
      second.report.problems.filter((q) => q.error instanceof ReferenceEscapeError),
    ).toHaveLength(6);
  });
});

describe('a changed install is noticed', () => {
  it.each<Layout>(['npm', 'pnpm'])('a package added to the dependencies (%s)', (layout) => {
    const p = project({
      layout,
      host: { dependencies: { 'meter-plugins': '1' } },
      packages: [shared, meter],
    });
    scan(p.dir);
    p.install(acme);
    p.setHost(host);
    const after = scan(p.dir);
    expect(after.stats).toMatchObject({ fromCache: false, cache: 'stale' });
    expect(after.names).toContain('sqlite@@acme/extra-storage@2.1.0');
  });

  it.each<Layout>(['npm', 'pnpm'])('a package removed from node_modules (%s)', (layout) => {
    const p = project({ layout, host, packages: [shared, meter, acme] });
    scan(p.dir);
    p.uninstall('@acme/extra-storage');
    const after = scan(p.dir);
    expect(after.stats.cache).toBe('stale');
    expect(after.names).not.toContain('sqlite@@acme/extra-storage@2.1.0');
    expect(after.report.problems[0]?.error.message).toMatch(/"@acme\/extra-storage" is declared/);
  });

  it.each<Layout>(['npm', 'pnpm'])('a package upgraded by the package manager (%s)', (layout) => {
    const p = project({ layout, host, packages: [shared, meter, acme] });
    expect(scan(p.dir).names).toContain('memory@meter-plugins@1.0.0');
    p.install({ ...meter, version: '1.0.1' });
    const after = scan(p.dir);
    expect(after.stats.cache).toBe('stale');
    expect(after.names).toContain('memory@meter-plugins@1.0.1');
  });

  it('a package without plugins that gains some in an upgrade', () => {
    const plain = { name: 'plain', manifest: { description: 'no plugins yet' } };
    const p = project({ host: { dependencies: { plain: '1' } }, packages: [plain] });
    expect(scan(p.dir).names).toEqual([]);
    p.install({
      name: 'plain',
      version: '1.1.0',
      manifest: { entryPoints: { 'meter.storage': { p: '.' } } },
    });
    expect(scan(p.dir).names).toEqual(['p@plain@1.1.0']);
  });

  it('a package with plugins whose manifest is edited in place', () => {
    const p = project({ host, packages: [shared, meter, acme] });
    scan(p.dir);
    const file = join(p.dir, 'node_modules/meter-plugins/package.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.entryPoints['meter.storage'].extra = './storage:MemoryStorage';
    writeFileSync(file, JSON.stringify(manifest));
    expect(scan(p.dir).names).toContain('extra@meter-plugins@1.0.0');
  });

  it('a new package inside an existing @scope, declared before it was installed', () => {
    const late = {
      name: '@acme/late',
      manifest: { entryPoints: { 'meter.storage': { late: '.' } } },
    };
    const p = project({
      host: { dependencies: { ...host.dependencies, '@acme/late': '1' } },
      packages: [shared, meter, acme],
    });
    expect(scan(p.dir).report.problems).toHaveLength(1);
    p.install(late);
    const after = scan(p.dir);
    // The @acme folder itself changed when the package was added to it.
    expect(after.stats).toMatchObject({
      cache: 'stale',
      cacheNote: expect.stringMatching(/@acme /),
    });
    expect(after.names).toContain('late@@acme/late@1.0.0');
    expect(after.report.problems).toEqual([]);
  });

  it('a workspace package linked from outside node_modules, edited in place', () => {
    const p = project({ host: { dependencies: { 'local-plugins': 'workspace:*' } } });
    const folder = join(p.root, 'packages/local-plugins');
    const edit = workspacePackage(folder, { name: 'local-plugins', version: '0.0.1' });
    p.linkWorkspace('local-plugins', folder);
    expect(scan(p.dir).names).toEqual([]);
    edit({ entryPoints: { 'meter.storage': { local: '.' } } });
    expect(scan(p.dir).names).toEqual(['local@local-plugins@0.0.1']);
  });
});

describe('a bad cache is rebuilt, never trusted', () => {
  it.each([
    ['not JSON', () => '{"format": "plugin-patterns/package-scan", '],
    ['another version', (text: string) => text.replace('"version":1', '"version":999')],
    ['the wrong shape', (text: string) => text.replace('"packages":[', '"packages":[7,')],
    ['an array', () => '[]'],
  ])('a cache file that is %s', (_, corrupt) => {
    const p = project({ host, packages: [shared, meter, acme] });
    const first = scan(p.dir);
    const [file] = cacheFiles(p.dir);
    if (file === undefined) throw new Error('no cache file was written');
    writeFileSync(file, corrupt(readFileSync(file, 'utf8')));
    const rebuilt = scan(p.dir);
    expect(rebuilt.stats).toMatchObject({ fromCache: false, cache: 'invalid' });
    expect(rebuilt.names).toEqual(first.names);
    expect(scan(p.dir).stats.cache).toBe('hit');
  });

  it('re-checks cached declarations, so an edited cache cannot bring in an escape', () => {
    const p = project({ host, packages: [shared, meter, acme] });
    scan(p.dir);
    const [file] = cacheFiles(p.dir);
    if (file === undefined) throw new Error('no cache file was written');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('./storage:MemoryStorage', '../../evil:X'),
    );
    const tampered = scan(p.dir);
    expect(tampered.stats.fromCache).toBe(true);
    expect(tampered.names).not.toContain('memory@meter-plugins@1.0.0');
    expect(tampered.report.problems[0]?.error).toBeInstanceOf(ReferenceEscapeError);
  });
});

describe('turning it off and failing to write', () => {
  it('with cache: false, writes nothing and always scans', () => {
    const p = project({ host, packages: [shared, meter, acme] });
    scan(p.dir, { cache: false });
    const second = scan(p.dir, { cache: false });
    expect(second.stats).toMatchObject({
      fromCache: false,
      cache: 'off',
      packagesRead: 2,
      cacheFile: undefined,
    });
    expect(existsSync(defaultCacheDir(p.dir))).toBe(false);
  });

  it('a cache that cannot be written does not fail discovery', () => {
    const p = project({ host, packages: [shared, meter, acme] });
    const blocked = join(p.root, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const result = scan(p.dir, { cache: { dir: join(blocked, 'cache') } });
    expect(result.names).toHaveLength(3);
    expect(result.stats.cacheNote).toMatch(/could not write the discovery cache/);
  });

  it('keeps one file per set of options, in the folder the host chose', () => {
    const p = project({ host, packages: [shared, meter, acme] });
    const dir = join(p.root, 'my-cache');
    scan(p.dir, { cache: { dir } });
    scan(p.dir, { cache: { dir }, transitive: true });
    expect(readdirSync(dir)).toHaveLength(2);
    expect(scan(p.dir, { cache: { dir } }).stats.cache).toBe('hit');
    expect(scan(p.dir, { cache: { dir }, transitive: true }).names).toContain(
      'audit@shared-helpers@1.4.0',
    );
  });
});
