import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeProject, type ProjectSpec } from '../../test-fixtures/make-project.ts';
import { walkInstalledPackages } from './installed-packages.ts';

function project(spec: ProjectSpec) {
  const made = makeProject(spec);
  onTestFinished(() => made.remove());
  return made;
}

const meter = { name: 'meter-plugins', template: 'meter-plugins' };

function walk(cwd: string, levels = 0) {
  return walkInstalledPackages({
    cwd,
    field: 'entryPoints',
    include: ['dependencies', 'optionalDependencies'],
    levels,
  });
}

describe('a scan goes on past a broken package', () => {
  it('reports a package.json that is not JSON, and reads the rest', () => {
    const broken = { name: 'broken-manifest', rawManifest: '{ "name": "broken-manifest", oops' };
    const host = { dependencies: { 'broken-manifest': '1', 'meter-plugins': '1' } };
    const result = walk(project({ host, packages: [broken, meter] }).dir);
    expect(result.packages.map((p) => p.name)).toEqual(['meter-plugins']);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.why).toMatch(/"broken-manifest" is unusable: .*is not valid JSON/);
  });

  it('reports a dependency that is declared but not installed', () => {
    const host = { dependencies: { 'not-installed': '1', 'meter-plugins': '1' } };
    const p = project({ host, packages: [meter] });
    const result = walk(p.dir);
    expect(result.packages.map((p) => p.name)).toEqual(['meter-plugins']);
    expect(result.issues).toEqual([
      {
        origin: join(p.dir, 'package.json'),
        why: expect.stringMatching(/"not-installed" is declared in "dependencies" of the host/),
      },
    ]);
    expect(result.fingerprint.unresolved).toEqual([['not-installed', join(p.dir, 'package.json')]]);
  });

  it('lets an optional dependency be missing, silently', () => {
    const host = { optionalDependencies: { 'not-installed': '1' } };
    expect(walk(project({ host }).dir).issues).toEqual([]);
  });

  it('reports a package.json that vanished (a dangling link) or is a folder', () => {
    const host = { dependencies: { gone: '1', folder: '1', 'meter-plugins': '1' } };
    const p = project({ host, packages: [meter] });
    mkdirSync(join(p.dir, 'node_modules/gone'));
    symlinkSync(join(p.root, 'nowhere.json'), join(p.dir, 'node_modules/gone/package.json'));
    mkdirSync(join(p.dir, 'node_modules/folder/package.json'), { recursive: true });
    const result = walk(p.dir);
    expect(result.packages.map((p) => p.name)).toEqual(['meter-plugins']);
    const whys = result.issues.map((i) => i.why).join('\n');
    expect(whys).toMatch(/"gone".*does not exist \(removed during the scan, or a broken link\)/);
    expect(whys).toMatch(/"folder".*is a folder/);
  });

  it('reports a symlink loop where a package should be', () => {
    const host = { dependencies: { loop: '1', 'meter-plugins': '1' } };
    const p = project({ host, packages: [meter] });
    symlinkSync('loop', join(p.dir, 'node_modules/loop'));
    const result = walk(p.dir);
    expect(result.packages.map((p) => p.name)).toEqual(['meter-plugins']);
    expect(result.issues.map((i) => i.why).join()).toMatch(/"loop"/);
  });

  it('reads a manifest larger than its read buffer whole', () => {
    const big = { name: 'big', manifest: { description: 'x'.repeat(300_000), entryPoints: {} } };
    const result = walk(project({ host: { dependencies: { big: '1' } }, packages: [big] }).dir);
    expect(result.issues).toEqual([]);
    expect(result.packages.map((p) => p.name)).toEqual(['big']);
  });

  it("takes a package's own name for itself (self-reference), as Node does", () => {
    const host = { exports: './index.js', dependencies: { 'host-app': '1', 'meter-plugins': '1' } };
    const result = walk(project({ host, packages: [meter] }).dir);
    expect(result.issues).toEqual([]);
    expect(result.packages.map((p) => p.name)).toEqual(['meter-plugins']);
  });

  it('survives a dependency cycle back to the host and between packages', () => {
    const a = {
      name: 'a',
      manifest: { dependencies: { b: '1', 'host-app': '1' }, entryPoints: {} },
    };
    const b = { name: 'b', manifest: { dependencies: { a: '1' }, entryPoints: {} } };
    const p = project({ host: { dependencies: { a: '1' } }, packages: [a, b] });
    symlinkSync('..', join(p.dir, 'node_modules/host-app'));
    const result = walk(p.dir, Number.POSITIVE_INFINITY);
    expect(result.packages.map((p) => p.name)).toEqual(['a', 'b']);
    expect(result.packagesRead).toBe(2);
  });
});

describe('how far a scan goes', () => {
  const chain = [
    { name: 'a', manifest: { dependencies: { b: '1' }, entryPoints: {} } },
    {
      name: 'b',
      manifest: { dependencies: { c: '1' }, devDependencies: { d: '1' }, entryPoints: {} },
    },
    { name: 'c', manifest: { entryPoints: {} } },
    { name: 'd', manifest: { entryPoints: {} } },
  ];

  it.each([
    [0, ['a']],
    [1, ['a', 'b']],
    [Number.POSITIVE_INFINITY, ['a', 'b', 'c']],
  ])("follows %s levels of dependencies, never a dependency's devDependencies", (levels, names) => {
    const p = project({ layout: 'pnpm', host: { dependencies: { a: '1' } }, packages: chain });
    expect(walk(p.dir, levels).packages.map((p) => p.name)).toEqual(names);
  });

  it('reads peerDependencies only when they are included', () => {
    const host = { peerDependencies: { 'meter-plugins': '1' } };
    const p = project({ host, packages: [meter] });
    expect(walk(p.dir).packages).toEqual([]);
    const withPeers = walkInstalledPackages({
      cwd: p.dir,
      field: 'entryPoints',
      include: ['dependencies', 'peerDependencies'],
      levels: 0,
    });
    expect(withPeers.packages.map((p) => p.name)).toEqual(['meter-plugins']);
  });
});

describe('what the host declares is untrusted too', () => {
  it('refuses dependency names that are paths, never resolving them', () => {
    const host = { dependencies: { '../outside': '1', '/etc': '1', 'meter-plugins': '1' } };
    const result = walk(project({ host, packages: [meter] }).dir);
    expect(result.packages.map((p) => p.name)).toEqual(['meter-plugins']);
    expect(result.issues.map((i) => i.why)).toEqual([
      expect.stringContaining('"../outside" is not a valid package name'),
      expect.stringContaining('"/etc" is not a valid package name'),
    ]);
  });

  it('reports a dependency list that is not an object', () => {
    const result = walk(project({ host: { dependencies: ['meter-plugins'] } }).dir);
    expect(result.issues[0]?.why).toMatch(/"dependencies" of the host .* is an array/);
  });

  it('reports a host folder without a package.json', () => {
    const p = project({});
    const result = walk(join(p.root, 'no-such-host'));
    expect(result.packages).toEqual([]);
    expect(result.issues[0]?.why).toMatch(/the host's manifest cannot be used/);
  });
});
