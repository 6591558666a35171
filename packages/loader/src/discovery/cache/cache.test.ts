import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Layout } from '../../../test-fixtures/make-project.ts';
import {
  acme,
  escaping,
  meter,
  useProject as project,
  scanFresh as scan,
  shared,
} from '../../../test-fixtures/scan-helpers.ts';
import { ReferenceEscapeError } from '../../errors/kinds.ts';
import type { DiscoveryReport } from '../entry-point.ts';
import { MAX_DECLARATIONS_PER_PACKAGE } from '../entry-point-field.ts';
import { defaultCacheDir } from '../package-scan.ts';
import { CACHE_VERSION } from './cache.ts';

const host = { dependencies: { 'meter-plugins': '1', '@acme/extra-storage': '2' } };

/** A corruption made on the parsed file (its tables, as a test pokes at them). */
// biome-ignore lint/suspicious/noExplicitAny: the file's own shape, edited by hand
function edited(change: (data: any) => unknown): (text: string) => string {
  return (text) => {
    const data = JSON.parse(text);
    change(data);
    return JSON.stringify(data);
  };
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

  it('resolves each entry point from the cache to the same target as a scan', () => {
    const p = project({ host, packages: [shared, meter, acme] });
    const targets = (report: DiscoveryReport) =>
      report.entryPoints.map((e) => (typeof e.target === 'function' ? e.target() : e.target));
    const first = scan(p.dir);
    const second = scan(p.dir);
    expect(second.stats.fromCache).toBe(true);
    expect(targets(second.report)).toEqual(targets(first.report));
  });

  it('keeps problems too, with their typed errors', () => {
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
describe('a bad cache is rebuilt, never trusted', () => {
  it.each([
    ['not JSON', () => '{"format": "plugin-patterns/package-scan", '],
    [
      'another version',
      (text: string) => text.replace(`"version":${CACHE_VERSION}`, '"version":999'),
    ],
    ['an array', () => '[]'],
    [
      'holding a namespace a scan refuses',
      (text: string) => text.replace('"meter.storage"', '"__proto__"'),
    ],
    ['the wrong shape', edited((data) => (data.packages = [7]))],
    ['made of columns of unequal length', edited((data) => data.packages.version.pop())],
    ['holding a declaration of the wrong type', edited((data) => (data.plugins.name[0] = 0))],
    [
      'holding a package value of the wrong type',
      edited((data) => (data.packages.hasExports[0] = 'yes')),
    ],
    [
      'pointing at a reference it does not hold',
      edited((data) => (data.plugins.reference[0] = data.references.length)),
    ],
    ['holding declarations of no package', edited((data) => data.packages.declares[0]--)],
    [
      'holding a package with more declarations than a scan keeps',
      edited((data) => {
        // The last package's declarations are the last ones: add to both.
        const { declares } = data.packages;
        const added = MAX_DECLARATIONS_PER_PACKAGE + 1 - declares[declares.length - 1];
        declares[declares.length - 1] += added;
        for (let i = 0; i < added; i++) {
          data.plugins.namespace.push(0);
          data.plugins.name.push(`extra-${i}`);
          data.plugins.reference.push(0);
        }
      }),
    ],
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

  it('refuses a cached refusal whose message a scan could not have written', () => {
    const p = project({
      host: { dependencies: { 'escaping-plugins': '0' } },
      packages: [escaping],
    });
    scan(p.dir);
    const [file] = cacheFiles(p.dir);
    if (file === undefined) throw new Error('no cache file was written');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"why":"');
    writeFileSync(file, text.replace('"why":"', '"why":"\\u001b[2J'));
    expect(scan(p.dir).stats.cache).toBe('invalid');
  });

  it.each([
    ['a C1 control (the one-character ESC [)', '\\u009b2J'],
    ['a bidi override', '\\u202e'],
    ['a line separator', '\\u2028'],
  ])('refuses a cached refusal holding %s, and rebuilds the file', (_, raw) => {
    const p = project({
      host: { dependencies: { 'escaping-plugins': '0' } },
      packages: [escaping],
    });
    const first = scan(p.dir);
    const [file] = cacheFiles(p.dir);
    if (file === undefined) throw new Error('no cache file was written');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"why":"', `"why":"${raw}`));
    const rebuilt = scan(p.dir);
    expect(rebuilt.stats).toMatchObject({ fromCache: false, cache: 'invalid' });
    expect(rebuilt.report.problems.map((q) => q.error.message)).toEqual(
      first.report.problems.map((q) => q.error.message),
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(scan(p.dir).stats.cache).toBe('hit');
  });

  it.each([
    ['why', '\\u009b2J'],
    ['origin', '\\u202e'],
  ])('refuses a cached walk issue whose %s holds what a scan escapes', (key, raw) => {
    const p = project({ host: { dependencies: { 'not-installed': '1' } }, packages: [] });
    scan(p.dir);
    const [file] = cacheFiles(p.dir);
    if (file === undefined) throw new Error('no cache file was written');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`"${key}":"`);
    writeFileSync(file, text.replace(`"${key}":"`, `"${key}":"${raw}`));
    expect(scan(p.dir).stats).toMatchObject({ fromCache: false, cache: 'invalid' });
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

describe('what the file holds', () => {
  it('paths relative to the host, and no manifest but what a scan accepted', () => {
    const p = project({ host, packages: [shared, meter, acme], lockfile: true });
    scan(p.dir);
    const [file] = cacheFiles(p.dir);
    if (file === undefined) throw new Error('no cache file was written');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const roots = data.packages.root.filter((root: unknown) => root !== 0);
    const paths: string[] = [...data.stamps.map(([path]: [string]) => path), ...roots];
    expect(paths).toContain(join('node_modules', '@acme'));
    expect(paths.filter((path) => path.startsWith('/'))).toEqual([]);
    expect(data.namespaces).toEqual(['meter.storage', 'meter.pollster']);
  });

  it('columns, with the usual package folders left out and each reference once', () => {
    const p = project({ host, packages: [shared, meter, acme] });
    const first = scan(p.dir);
    const [file] = cacheFiles(p.dir);
    if (file === undefined) throw new Error('no cache file was written');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    // Both packages sit in node_modules/<name>: their names give their folders back.
    expect(data.packages.name).toEqual(['@acme/extra-storage', 'meter-plugins']);
    expect(data.packages.root).toEqual([0, 0]);
    expect(data.plugins.name).toHaveLength(first.names.length);
    expect(new Set(data.references).size).toBe(data.references.length);
    const second = scan(p.dir);
    expect(second.stats.cache).toBe('hit');
    expect(second.report.entryPoints.map((e) => e.source)).toEqual(
      first.report.entryPoints.map((e) => e.source),
    );
  });

  it('a package linked from outside the host folder comes back with its real folder', () => {
    const p = project({ host: { dependencies: { 'local-plugins': 'workspace:*' } } });
    const folder = join(p.root, 'packages/local-plugins');
    mkdirSync(folder, { recursive: true });
    const manifest = { name: 'local-plugins', entryPoints: { 'meter.storage': { local: '.' } } };
    writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest));
    p.linkWorkspace('local-plugins', folder);
    const first = scan(p.dir);
    const second = scan(p.dir);
    expect(second.stats.cache).toBe('hit');
    expect(second.report.entryPoints[0]?.source).toEqual(first.report.entryPoints[0]?.source);
    expect(second.report.entryPoints[0]?.source).toMatchObject({ root: folder });
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
