import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type Layout, makeProject } from '../../test-fixtures/make-project.ts';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { ExtensionSet } from '../extension/extension-set.ts';
import { referenceList } from './reference-list.ts';

const meter = { name: 'meter-plugins', template: 'meter-plugins' };
const acme = { name: '@acme/extra-storage', template: '@acme/extra-storage' };
const shared = { name: 'shared-helpers', template: 'shared-helpers' };

function installed(layout: Layout = 'npm') {
  const host = { dependencies: { 'meter-plugins': '1', '@acme/extra-storage': '2' } };
  const p = makeProject({ layout, host, packages: [shared, meter, acme] });
  onTestFinished(() => p.remove());
  return p;
}

describe.each<Layout>(['npm', 'pnpm'])('references the host lists (%s layout)', (layout) => {
  it('resolves each package from the host folder and each module through its exports', () => {
    const p = installed(layout);
    const source = referenceList({
      namespace: 'meter.storage',
      cwd: p.dir,
      plugins: {
        memory: 'meter-plugins/storage:MemoryStorage',
        sqlite: '@acme/extra-storage/sqlite:SqliteStorage',
      },
    });
    const report = source.discover('meter.storage');
    expect(report.problems).toEqual([]);
    const [memory, sqlite] = report.entryPoints;
    const root = realpathSync(join(p.dir, 'node_modules/meter-plugins'));
    expect(memory).toEqual({
      namespace: 'meter.storage',
      name: 'memory',
      reference: 'meter-plugins/storage:MemoryStorage',
      source: {
        kind: 'package',
        via: 'reference-list',
        packageName: 'meter-plugins',
        version: '1.0.0',
        root,
      },
      target: {
        url: pathToFileURL(join(root, 'storage.js')).href,
        exportName: 'MemoryStorage',
        within: root,
      },
    });
    expect(sqlite?.source).toMatchObject({ packageName: '@acme/extra-storage', version: '2.1.0' });
  });
});

describe('a bad reference is a problem; the others still load', () => {
  it.each([
    [
      'a package that is not installed',
      'not-installed/x:Y',
      DiscoveryError,
      /not installed where the host can see it/,
    ],
    ['a Node built-in', 'node:fs', ReferenceEscapeError, /Node built-ins are not plugins/],
    ['a data: URL', 'data:text/javascript,1', ReferenceEscapeError, /data: URL/],
    ['a climb out of the package', 'meter-plugins/../x:Y', ReferenceEscapeError, /climbs out/],
    ['a relative file path', './local.js:X', DiscoveryError, /use the file list source/],
    [
      'a module the package does not export',
      'meter-plugins/hidden:X',
      DiscoveryError,
      /cannot be resolved/,
    ],
    ['a malformed export', 'meter-plugins/storage:1st', DiscoveryError, /not a valid export name/],
  ])('%s', (_, reference, kind, message) => {
    const p = installed();
    const report = referenceList({
      namespace: 'meter.storage',
      cwd: p.dir,
      plugins: { bad: reference, memory: 'meter-plugins/storage:MemoryStorage' },
    }).discover();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['memory']);
    expect(report.problems).toHaveLength(1);
    const [problem] = report.problems;
    expect(problem).toMatchObject({ namespace: 'meter.storage', name: 'bad', reference });
    expect(problem?.error).toBeInstanceOf(kind);
    if (kind === DiscoveryError) expect(problem?.error).not.toBeInstanceOf(ReferenceEscapeError);
    expect(problem?.error.message).toMatch(message);
    expect(problem?.error.message).toMatch(/^\[meter\.storage:bad\] \(discovery\)/);
  });

  it('names the package a refused reference points into, found by the list', () => {
    const p = installed();
    const report = referenceList({
      namespace: 'meter.storage',
      cwd: p.dir,
      plugins: { hidden: 'meter-plugins/hidden:X', missing: 'not-installed/x:Y' },
    }).discover();
    const [hidden, missing] = report.problems;
    expect(hidden?.source).toMatchObject({
      kind: 'package',
      via: 'reference-list',
      packageName: 'meter-plugins',
      version: '1.0.0',
    });
    // No package was found: nothing to name.
    expect(missing?.source).toBeUndefined();
  });

  it('refuses a module that is a symlink out of its package', () => {
    const p = installed();
    writeFileSync(join(p.root, 'outside.js'), 'export const Outside = {};\n');
    p.install({
      name: 'escaping-plugins',
      template: 'escaping-plugins',
      links: { 'linked.js': join(p.root, 'outside.js') },
    });
    const report = referenceList({
      namespace: 'meter.storage',
      cwd: p.dir,
      plugins: { linked: 'escaping-plugins/linked:Outside' },
    }).discover();
    expect(report.problems[0]?.error).toBeInstanceOf(ReferenceEscapeError);
  });

  it('becomes a failed extension that explains itself, next to a loaded one', async () => {
    const p = installed();
    const set = ExtensionSet.discover({
      namespace: 'meter.pollster',
      sources: [
        referenceList({
          namespace: 'meter.pollster',
          cwd: p.dir,
          plugins: { cpu: 'meter-plugins/pollsters:cpu', disk: 'disk-pollster:Disk' },
        }),
      ],
    });
    expect(set.named('disk')[0]?.state).toMatchObject({ status: 'failed', stage: 'discovery' });
    // No package was found for it: its source is the list entry, found by the list.
    expect(set.named('disk')[0]?.source).toEqual({
      kind: 'declaration',
      origin: 'reference list, plugin "disk"',
      via: 'reference-list',
    });
    expect(await set.load('cpu')).toMatchObject({ meters: ['cpu'] });
  });
});

describe('namespaces', () => {
  it('answers only for its own namespace', () => {
    const source = referenceList({ namespace: 'meter.storage', plugins: { x: 'a/b:C' } });
    expect(source.discover('meter.pollster')).toEqual({ entryPoints: [], problems: [] });
  });

  it('refuses an invalid namespace up front', () => {
    expect(() => referenceList({ namespace: 'meter storage', plugins: {} })).toThrow(TypeError);
  });
});
