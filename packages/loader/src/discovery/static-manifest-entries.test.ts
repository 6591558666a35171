import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import {
  MANIFEST_FORMAT,
  type StaticManifest,
  type StaticManifestOptions,
  staticManifest,
} from './static-manifest.ts';

// Manifests written by hand, as a module would export them: what the source
// makes of each part, without a package scan to write one.

const load = async () => ({ default: class {} });

function manifest(parts: Partial<StaticManifest> = {}): StaticManifest {
  return {
    format: MANIFEST_FORMAT,
    fingerprint: [],
    packages: [
      ['meter-plugins', '1.0.0', 'node_modules/meter-plugins'],
      ['other-plugins', '2.0.0', 'node_modules/other-plugins'],
    ],
    plugins: {
      'meter.storage': [
        ['memory', './storage:Memory', 0, 'meter-plugins/storage', 'Memory', load],
        ['sqlite', './sqlite', 1, 'other-plugins/sqlite', 'default', load],
      ],
      'meter.pollster': [['cpu', './cpu', 0, 'meter-plugins/cpu', 'default', load]],
    },
    problems: [],
    ...parts,
  };
}

/** A host folder with a package.json, and a node_modules unless told otherwise. */
function host(withNodeModules = true): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'static-manifest-')));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), '{"name":"host-app"}');
  if (withNodeModules) mkdirSync(join(dir, 'node_modules'));
  return dir;
}

/** A fingerprint that no longer matches the host's package.json. */
const stale = { fingerprint: [['package.json', 'absent', -1]] } as const;

function sourceOver(parts: Partial<StaticManifest>, options: StaticManifestOptions) {
  return staticManifest(manifest(parts), options);
}

describe('entry points from a static manifest', () => {
  it('gives every namespace when none is asked for, and only the one asked for otherwise', () => {
    const source = staticManifest(manifest(), { cwd: host() });
    expect(source.kind).toBe('static-manifest');
    expect(source.discover().entryPoints.map((e) => `${e.namespace}/${e.name}`)).toEqual([
      'meter.storage/memory',
      'meter.storage/sqlite',
      'meter.pollster/cpu',
    ]);
    const [memory] = source.discover('meter.pollster').entryPoints;
    expect(memory).toMatchObject({ namespace: 'meter.pollster', name: 'cpu', reference: './cpu' });
    expect(memory?.target).toEqual({
      url: 'meter-plugins/cpu',
      exportName: 'default',
      import: load,
    });
  });

  it('hands the same frozen report to every caller of a namespace', () => {
    const source = staticManifest(manifest(), { cwd: host() });
    const first = source.discover('meter.storage');
    expect(source.discover('meter.storage')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(source.discover()).not.toBe(first);
  });

  it('finds nothing for a namespace the manifest does not list, even one named like an object key', () => {
    const source = staticManifest(manifest(), { cwd: host() });
    // Asked for every namespace first: the empty namespace is still none of them.
    expect(source.discover().entryPoints).toHaveLength(3);
    for (const namespace of ['meter.notifier', 'constructor', 'toString', '']) {
      expect(source.discover(namespace)).toEqual({ entryPoints: [], problems: [] });
    }
  });

  it('names each package as the manifest lists it, its folder below the host, one source per package', () => {
    const dir = host();
    const [memory, sqlite, cpu] = staticManifest(manifest(), { cwd: dir }).discover().entryPoints;
    expect(memory?.source).toEqual({
      kind: 'package',
      via: 'static-manifest',
      packageName: 'meter-plugins',
      version: '1.0.0',
      root: join(dir, 'node_modules', 'meter-plugins'),
    });
    expect(sqlite?.source).toMatchObject({ packageName: 'other-plugins', version: '2.0.0' });
    expect(cpu?.source).toBe(memory?.source);
  });

  it('shows a package index the manifest does not hold as an unknown package, not a crash', () => {
    const plugins = { ns: [['a', './a', 7, 'x/a', 'default', load]] } as const;
    const dir = host();
    const [entry] = sourceOver({ plugins }, { cwd: dir }).discover('ns').entryPoints;
    expect(entry?.source).toMatchObject({ packageName: '?', version: '?', root: dir });
  });
});

describe('the refused declarations a static manifest carries', () => {
  const problems = [
    {
      namespace: 'meter.storage',
      name: 'out',
      origin: 'o1',
      reference: '../x',
      packageIndex: 1,
      escapes: true,
      message: 'it leaves its package',
    },
    {
      namespace: 'meter.pollster',
      name: 'bad',
      origin: 'o2',
      reference: './b',
      packageIndex: 0,
      message: 'no such subpath',
    },
    { origin: 'o3', message: 'package "y" cannot be read' },
    { namespace: 'meter.notifier', name: 'odd', origin: 'o4', escapes: true, message: 'it leaves' },
  ];

  it('reports each as the scan did: the escape typed, the namespace and plugin named', () => {
    const dir = host();
    const report = sourceOver({ problems }, { cwd: dir }).discover('meter.storage');
    expect(report.problems).toHaveLength(1);
    const [out] = report.problems;
    expect(out).toMatchObject({
      namespace: 'meter.storage',
      name: 'out',
      origin: 'o1',
      reference: '../x',
    });
    expect(out?.source).toMatchObject({
      packageName: 'other-plugins',
      root: join(dir, 'node_modules', 'other-plugins'),
    });
    expect(out?.error).toBeInstanceOf(ReferenceEscapeError);
    expect(out?.error).toHaveProperty('reference', '../x');
    expect(out?.error).toMatchObject({ namespace: 'meter.storage', plugin: 'out' });
    expect(out?.error.message).toContain(
      'import reference "../x" is refused: it leaves its package',
    );
  });

  it('gives every problem when no namespace is asked for; one of no package has no source', () => {
    const report = sourceOver({ problems }, { cwd: host() }).discover();
    expect(report.problems.map((p) => p.origin)).toEqual(['o1', 'o2', 'o3', 'o4']);
    const [, bad, unread, odd] = report.problems;
    // An escape written without its reference still says what was refused: nothing.
    expect(odd?.error).toHaveProperty('reference', '');
    expect(odd?.reference).toBeUndefined();
    expect(bad?.error).not.toBeInstanceOf(ReferenceEscapeError);
    expect(bad?.error).toBeInstanceOf(DiscoveryError);
    expect(bad?.error).toMatchObject({
      namespace: 'meter.pollster',
      plugin: 'bad',
      detail: 'no such subpath',
    });
    expect(unread).toMatchObject({ namespace: undefined, name: undefined, source: undefined });
    expect(unread?.error).toMatchObject({ namespace: '', plugin: undefined });
  });
});

describe('when the fingerprint is checked', () => {
  it('by default only where the host has a node_modules to compare with', () => {
    expect(() => sourceOver(stale, { cwd: host(true) }).discover('ns')).toThrow(/is stale/);
    const bundle = sourceOver(stale, { cwd: host(false) });
    expect(bundle.discover('ns').entryPoints).toEqual([]);
    expect(bundle.lastCheck).toEqual({ checked: false, stale: undefined });
  });

  it('always, or never, when the host says so', () => {
    const always = sourceOver(stale, { cwd: host(false), check: 'always' });
    expect(() => always.discover()).toThrow(/package\.json changed since the manifest was written/);
    expect(always.lastCheck).toEqual({
      checked: true,
      stale: 'package.json changed since the manifest was written',
    });
    const never = sourceOver(stale, { cwd: host(true), check: 'never' });
    expect(never.discover('meter.storage').entryPoints).toHaveLength(2);
    expect(never.lastCheck).toEqual({ checked: false, stale: undefined });
  });

  it('once, at the first discover(): nothing is read before it, a later change is not seen', () => {
    const dir = host();
    const source = staticManifest(manifest({ fingerprint: [['package.json', 'absent', -1]] }), {
      cwd: dir,
      check: 'always',
    });
    expect(source.lastCheck).toBeUndefined();
    rmSync(join(dir, 'package.json'));
    expect(source.discover('meter.storage').entryPoints).toHaveLength(2);
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(source.discover('meter.pollster').entryPoints).toHaveLength(1);
    expect(source.lastCheck).toEqual({ checked: true, stale: undefined });
  });

  it('and a stale manifest is refused naming the namespace asked for and the host folder', () => {
    const dir = host();
    const source = sourceOver(stale, { cwd: dir });
    for (const [asked, namespace] of [
      ['meter.storage', 'meter.storage'],
      [undefined, ''],
    ]) {
      let thrown: unknown;
      try {
        source.discover(asked);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DiscoveryError);
      expect(thrown).toMatchObject({ namespace, stage: 'discovery' });
      expect((thrown as Error).message).toContain(
        `the static manifest is stale: package.json changed since the manifest was written (in ${dir}); run "plugin-patterns manifest" again, and rebuild`,
      );
    }
  });
});

describe('a stale manifest in a hostile folder', () => {
  it('shows the changed file and the host folder escaped', () => {
    const dir = join(host(), 'app\u009b[2J\u202e');
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    const source = sourceOver(
      { fingerprint: [['lib\u009b/package.json', 'x:1', -1]] },
      { cwd: dir },
    );
    let message = '';
    try {
      source.discover('meter.storage');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('lib\\u009b/package.json changed since the manifest was written');
    expect(message).toContain('app\\u009b[2J\\u202e); run');
    expect(message).not.toMatch(/[\u009b\u202e]/);
  });
});

describe('what is not a manifest', () => {
  it('is refused, saying what format it had', () => {
    expect(() => staticManifest(null as unknown as StaticManifest)).toThrow(
      'not a manifest of format plugin-patterns/static-manifest@1 (got no format); run "plugin-patterns manifest" again',
    );
    expect(() => staticManifest({} as StaticManifest)).toThrow(/\(got no format\)/);
    // A function carrying the right format is still not the module's object.
    const impostor = Object.assign(() => {}, { format: MANIFEST_FORMAT });
    expect(() => staticManifest(impostor as unknown as StaticManifest)).toThrow(TypeError);
  });
});
