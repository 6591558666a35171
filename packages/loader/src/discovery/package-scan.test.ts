import { realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type Layout, makeProject, type ProjectSpec } from '../../test-fixtures/make-project.ts';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import type { ImportTarget } from '../shared/import-target.ts';
import type { EntryPoint } from './entry-point.ts';
import { packageScan } from './package-scan.ts';

function project(spec: ProjectSpec) {
  const made = makeProject(spec);
  onTestFinished(() => made.remove());
  return made;
}

const meter = { name: 'meter-plugins', template: 'meter-plugins' };
const acme = { name: '@acme/extra-storage', template: '@acme/extra-storage' };
const shared = { name: 'shared-helpers', template: 'shared-helpers' };
const escaping = { name: 'escaping-plugins', template: 'escaping-plugins' };

function ids(entries: readonly EntryPoint[]): string[] {
  return entries.map((e) => `${e.namespace}:${e.name}`);
}

function targetOf(entry: EntryPoint | undefined): ImportTarget {
  const target = entry?.target;
  if (target === undefined) throw new Error('no such entry point');
  return typeof target === 'function' ? target() : target;
}

describe.each<Layout>(['npm', 'pnpm'])('what a scan reads (%s layout)', (layout) => {
  const host = {
    dependencies: { 'meter-plugins': '^1.0.0' },
    optionalDependencies: { '@acme/extra-storage': '^2.0.0' },
    devDependencies: { 'escaping-plugins': '^0.3.0' },
  };

  it('reads declared dependencies and optionalDependencies, not devDependencies', () => {
    const p = project({ layout, host, packages: [shared, meter, acme, escaping] });
    const report = packageScan({ cwd: p.dir, cache: false }).discover();
    expect(ids(report.entryPoints)).toEqual([
      'meter.storage:sqlite',
      'meter.storage:memory',
      'meter.pollster:cpu',
    ]);
    expect(report.problems).toEqual([]);
  });

  it('reads devDependencies when asked', () => {
    const p = project({ layout, host, packages: [shared, meter, acme, escaping] });
    const include = ['dependencies', 'devDependencies'] as const;
    const report = packageScan({ cwd: p.dir, include, cache: false }).discover();
    expect(ids(report.entryPoints)).toContain('meter.storage:good');
    expect(ids(report.entryPoints)).not.toContain('meter.storage:sqlite');
  });

  it('never reads an installed package the host did not declare', () => {
    // shared-helpers sits in node_modules (npm hoists it) but the host never named it.
    const p = project({ layout, host, packages: [shared, meter, acme] });
    const scan = packageScan({ cwd: p.dir, cache: false });
    expect(ids(scan.discover().entryPoints)).not.toContain('meter.notification:audit');
    expect(scan.lastScan?.packagesRead).toBe(2);
  });

  it('follows dependencies of dependencies only when asked, reading a diamond once', () => {
    const p = project({ layout, host, packages: [shared, meter, acme] });
    const scan = packageScan({ cwd: p.dir, transitive: true, cache: false });
    expect(ids(scan.discover().entryPoints)).toContain('meter.notification:audit');
    // meter-plugins and @acme/extra-storage both depend on shared-helpers: 3 reads, not 4.
    expect(scan.lastScan?.packagesRead).toBe(3);
  });

  it('records where each plugin came from, with the real folder', () => {
    const p = project({ layout, host, packages: [shared, meter, acme] });
    const [sqlite] = packageScan({ cwd: p.dir, cache: false }).discover(
      'meter.storage',
    ).entryPoints;
    const root = realpathSync(join(p.dir, 'node_modules', '@acme', 'extra-storage'));
    expect(sqlite?.source).toEqual({
      kind: 'package',
      via: 'package-scan',
      packageName: '@acme/extra-storage',
      version: '2.1.0',
      root,
    });
    expect(sqlite?.reference).toBe('./sqlite:SqliteStorage');
  });
});

describe('one scan serves every namespace', () => {
  it('filters by namespace without scanning again', () => {
    const host = { dependencies: { 'meter-plugins': '1', '@acme/extra-storage': '2' } };
    const p = project({ host, packages: [shared, meter, acme] });
    const scan = packageScan({ cwd: p.dir, cache: false });
    expect(ids(scan.discover('meter.pollster').entryPoints)).toEqual(['meter.pollster:cpu']);
    const first = scan.lastScan;
    expect(ids(scan.discover('meter.storage').entryPoints)).toEqual([
      'meter.storage:sqlite',
      'meter.storage:memory',
    ]);
    expect(scan.discover('meter.nothing').entryPoints).toEqual([]);
    expect(scan.lastScan).toBe(first);
    scan.refresh();
    scan.discover('meter.storage');
    expect(scan.lastScan).not.toBe(first);
  });
});

describe('resolution is deferred until load', () => {
  it('resolves a reference through the package exports, to a file inside the package', () => {
    const p = project({ host: { dependencies: { '@acme/extra-storage': '2' } }, packages: [acme] });
    const [sqlite] = packageScan({ cwd: p.dir, cache: false }).discover().entryPoints;
    expect(typeof sqlite?.target).toBe('function');
    const file = join(realpathSync(p.dir), 'node_modules/@acme/extra-storage/sqlite.js');
    expect(targetOf(sqlite)).toEqual({
      url: pathToFileURL(file).href,
      exportName: 'SqliteStorage',
      within: dirname(file),
    });
  });

  it('throws a ReferenceEscapeError when a module is a symlink out of the package', () => {
    const p = project({ host: { dependencies: { 'escaping-plugins': '0' } } });
    writeFileSync(join(p.root, 'outside.js'), 'export const Outside = {};\n');
    p.install({ ...escaping, links: { 'linked.js': join(p.root, 'outside.js') } });
    const entries = packageScan({ cwd: p.dir, cache: false }).discover().entryPoints;
    const linked = entries.find((e) => e.name === 'linked');
    expect(() => targetOf(linked)).toThrow(ReferenceEscapeError);
    expect(() => targetOf(linked)).toThrow(/outside the package folder/);
  });

  it('throws a DiscoveryError naming the package when a module is not exported', () => {
    const p = project({
      host: { dependencies: { 'escaping-plugins': '0' } },
      packages: [escaping],
    });
    const entries = packageScan({ cwd: p.dir, cache: false }).discover().entryPoints;
    const hidden = entries.find((e) => e.name === 'not-exported');
    let thrown: unknown;
    try {
      targetOf(hidden);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DiscoveryError);
    expect(thrown).not.toBeInstanceOf(ReferenceEscapeError);
    expect((thrown as DiscoveryError).stage).toBe('discovery');
    expect(thrown).toMatchObject({ namespace: hidden?.namespace, plugin: 'not-exported' });
    expect((thrown as DiscoveryError).cause).toBeInstanceOf(Error);
    expect(String(thrown)).toMatch(/escaping-plugins@0\.3\.0/);
  });
});

describe('references that leave the package are refused at scan time', () => {
  it('turns each escape into a problem and keeps the good plugin', () => {
    const p = project({
      host: { dependencies: { 'escaping-plugins': '0' } },
      packages: [escaping],
    });
    const report = packageScan({ cwd: p.dir, cache: false }).discover('meter.storage');
    expect(ids(report.entryPoints)).toEqual([
      'meter.storage:good',
      'meter.storage:linked',
      'meter.storage:not-exported',
    ]);
    const escapes = report.problems.filter((q) => q.error instanceof ReferenceEscapeError);
    expect(escapes.map((q) => q.name).sort()).toEqual(
      ['absolute', 'builtin', 'climbing', 'data-url', 'other-package', 'parent'].sort(),
    );
    for (const problem of escapes) {
      expect(problem.namespace).toBe('meter.storage');
      expect(problem.error.message).toMatch(/escaping-plugins@0\.3\.0/);
      expect(problem.source).toMatchObject({ packageName: 'escaping-plugins' });
    }
    const malformed = report.problems.find((q) => q.name === 'bad-export');
    expect(malformed?.error).toBeInstanceOf(DiscoveryError);
    expect(malformed?.error).not.toBeInstanceOf(ReferenceEscapeError);
  });
});

describe('options', () => {
  it('reads another field when told to', () => {
    const plugins = {
      name: 'custom-field',
      manifest: { plugins: { 'meter.storage': { x: '.' } } },
    };
    const p = project({ host: { dependencies: { 'custom-field': '1' } }, packages: [plugins] });
    expect(packageScan({ cwd: p.dir, cache: false }).discover().entryPoints).toEqual([]);
    const custom = packageScan({ cwd: p.dir, field: 'plugins', cache: false }).discover();
    expect(ids(custom.entryPoints)).toEqual(['meter.storage:x']);
  });

  it('throws a TypeError for options that cannot be right', () => {
    expect(() => packageScan({ field: '' })).toThrow(TypeError);
    expect(() => packageScan({ transitive: -1 })).toThrow(TypeError);
    expect(() => packageScan({ include: ['bundledDependencies' as 'dependencies'] })).toThrow(
      /include/,
    );
  });
});
