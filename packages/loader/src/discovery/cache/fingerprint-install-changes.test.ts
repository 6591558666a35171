/**
 * The cache's fingerprint against real install changes, in both layouts: each
 * test scans, changes the fake install the way a package manager (or a
 * developer) would, and expects the next scan to notice.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Layout } from '../../../test-fixtures/make-project.ts';
import {
  acme,
  meter,
  useProject as project,
  scanFresh as scan,
  shared,
} from '../../../test-fixtures/scan-helpers.ts';
import { defaultCacheDir } from '../package-scan.ts';

const host = { dependencies: { 'meter-plugins': '1', '@acme/extra-storage': '2' } };

/** A package folder outside node_modules (a workspace member); returns a manifest editor. */
function workspacePackage(folder: string, manifest: Record<string, unknown>) {
  const write = (extra: Record<string, unknown>) =>
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ ...manifest, ...extra }));
  mkdirSync(folder, { recursive: true });
  write({});
  return write;
}

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

  it.each<Layout>(['npm', 'pnpm'])(
    'a package reinstalled, same version, with a changed manifest (%s)',
    (layout) => {
      const p = project({ layout, host, packages: [shared, meter, acme] });
      scan(p.dir);
      const manifest = JSON.parse(
        readFileSync(join(p.dir, 'node_modules/meter-plugins/package.json'), 'utf8'),
      );
      manifest.entryPoints['meter.storage'].extra = './storage:MemoryStorage';
      p.install({ ...meter, manifest });
      const after = scan(p.dir);
      expect(after.stats.cache).toBe('stale');
      expect(after.names).toContain('extra@meter-plugins@1.0.0');
    },
  );

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

describe('what is deliberately not watched', () => {
  it('a hand edit of a package.json inside node_modules, until the cache folder is removed', () => {
    const p = project({ host, packages: [shared, meter, acme] });
    scan(p.dir);
    const file = join(p.dir, 'node_modules/meter-plugins/package.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.entryPoints['meter.storage'].extra = './storage:MemoryStorage';
    writeFileSync(file, JSON.stringify(manifest));
    // No install happened: no folder, lockfile or host manifest changed.
    const stale = scan(p.dir);
    expect(stale.stats.cache).toBe('hit');
    expect(stale.names).not.toContain('extra@meter-plugins@1.0.0');
    rmSync(defaultCacheDir(p.dir), { recursive: true });
    expect(scan(p.dir).names).toContain('extra@meter-plugins@1.0.0');
  });
});
