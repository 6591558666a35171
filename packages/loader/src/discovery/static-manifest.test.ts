import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeProject, type ProjectSpec } from '../../test-fixtures/make-project.ts';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { ExtensionSet } from '../extension/extension-set.ts';
import { writeStaticManifest } from './manifest-writer.ts';
import { packageScan } from './package-scan.ts';
import { MANIFEST_FORMAT, type StaticManifest, staticManifest } from './static-manifest.ts';

const meter = { name: 'meter-plugins', template: 'meter-plugins' };
const shared = { name: 'shared-helpers', template: 'shared-helpers' };
const escaping = { name: 'escaping-plugins', template: 'escaping-plugins' };

function project(spec: ProjectSpec) {
  const made = makeProject({ lockfile: true, ...spec });
  onTestFinished(() => made.remove());
  return made;
}

/** Writes the project's manifest beside its package.json and imports it (a fresh copy each time). */
async function manifestOf(dir: string, name = 'plugins.manifest.js'): Promise<StaticManifest> {
  const written = writeStaticManifest({ cwd: dir, out: join(dir, name) });
  const url = `${pathToFileURL(written.file).href}?${Math.random()}`;
  return ((await import(url)) as { default: StaticManifest }).default;
}

describe('a static manifest', () => {
  it('lists what a package scan finds, each with an import the host wrote', async () => {
    const p = project({
      host: { dependencies: { 'meter-plugins': '1', 'shared-helpers': '1' } },
      packages: [meter, shared],
    });
    const manifest = await manifestOf(p.dir);
    const text = readFileSync(join(p.dir, 'plugins.manifest.js'), 'utf8');
    expect(text).toContain('() => import("meter-plugins/storage")');
    expect(manifest.format).toBe(MANIFEST_FORMAT);
    expect(manifest.fingerprint.map(([file]) => file)).toEqual([
      'package.json',
      'package-lock.json',
    ]);

    const source = staticManifest(manifest, { cwd: p.dir });
    const scan = packageScan({ cwd: p.dir, cache: false });
    for (const namespace of ['meter.storage', 'meter.pollster']) {
      const fromManifest = source.discover(namespace).entryPoints;
      const fromScan = scan.discover(namespace).entryPoints;
      expect(fromManifest.map((e) => [e.name, e.reference, e.source.kind])).toEqual(
        fromScan.map((e) => [e.name, e.reference, e.source.kind]),
      );
    }
    expect(source.lastCheck).toEqual({ checked: true, stale: undefined });
  });

  it('loads a plugin through its written import, with the records of any other source', async () => {
    const p = project({ host: { dependencies: { 'meter-plugins': '1' } }, packages: [meter] });
    const set = ExtensionSet.discover({
      namespace: 'meter.storage',
      sources: [staticManifest(await manifestOf(p.dir), { cwd: p.dir })],
    });
    const Storage = await set.load('memory');
    expect(typeof Storage).toBe('function');
    const [record] = set.report();
    expect(record?.loaded).toBe(true);
    expect(record?.history.map((h) => `${h.stage} ${h.outcome}`)).toContain('import passed');
    expect(set.extensions[0]?.source).toMatchObject({ kind: 'package', via: 'static-manifest' });
  });

  it('keeps a refused declaration as the same typed problem a scan reports', async () => {
    const p = project({
      host: { dependencies: { 'escaping-plugins': '1' } },
      packages: [escaping],
    });
    const manifest = await manifestOf(p.dir);
    const report = staticManifest(manifest, { cwd: p.dir }).discover('meter.storage');
    const scanned = packageScan({ cwd: p.dir, cache: false }).discover('meter.storage');
    expect(report.entryPoints.map((e) => e.name)).toContain('good');
    const escapes = report.problems.filter((x) => x.error instanceof ReferenceEscapeError);
    expect(escapes.map((x) => x.name).sort()).toEqual(
      scanned.problems
        .filter((x) => x.error instanceof ReferenceEscapeError)
        .map((x) => x.name)
        .sort(),
    );
    for (const problem of escapes) {
      const same = scanned.problems.find((x) => x.name === problem.name);
      expect(problem.error.message).toBe(same?.error.message);
    }
  });

  it('is refused as stale, saying what changed, once the install changed', async () => {
    const p = project({ host: { dependencies: { 'meter-plugins': '1' } }, packages: [meter] });
    const manifest = await manifestOf(p.dir);
    writeFileSync(join(p.dir, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"x":{}}}');
    const source = staticManifest(manifest, { cwd: p.dir });
    expect(() => source.discover('meter.storage')).toThrow(DiscoveryError);
    expect(() => source.discover('meter.storage')).toThrow(
      'the static manifest is stale: package-lock.json changed since the manifest was written',
    );
    expect(source.lastCheck?.stale).toBe(
      'package-lock.json changed since the manifest was written',
    );
    // A set over it fails as loudly: the error reaches the host.
    expect(() => ExtensionSet.discover({ namespace: 'meter.storage', sources: [source] })).toThrow(
      /stale/,
    );
    // Where no install is there to compare with (a deployed bundle), it is used as written.
    const unchecked = staticManifest(manifest, { cwd: p.root });
    expect(unchecked.discover('meter.storage').entryPoints).not.toEqual([]);
    expect(unchecked.lastCheck).toEqual({ checked: false, stale: undefined });
  });

  it('refuses a module that is not a manifest of this format', () => {
    expect(() => staticManifest({ format: 'other' } as unknown as StaticManifest)).toThrow(
      /not a manifest of format plugin-patterns\/static-manifest@1 \(got "other"\)/,
    );
  });

  it('can be written as TypeScript', async () => {
    const p = project({ host: { dependencies: { 'meter-plugins': '1' } }, packages: [meter] });
    writeStaticManifest({ cwd: p.dir, out: join(p.dir, 'plugins.manifest.ts') });
    const text = readFileSync(join(p.dir, 'plugins.manifest.ts'), 'utf8');
    expect(text).toContain(
      "import type { StaticManifest } from '@plugin-patterns/loader/static-manifest';",
    );
    expect(text).toContain('const manifest: StaticManifest = {');
    // Node strips its types: it imports, and its plugins load, like the .js one.
    const url = pathToFileURL(join(p.dir, 'plugins.manifest.ts')).href;
    const typed = ((await import(url)) as { default: StaticManifest }).default;
    const set = ExtensionSet.discover({
      namespace: 'meter.storage',
      sources: [staticManifest(typed, { cwd: p.dir })],
    });
    expect(typeof (await set.load('memory'))).toBe('function');
    expect(set.report()[0]?.loaded).toBe(true);
  });
});
