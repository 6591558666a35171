import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  meter,
  useProject as project,
  scanFresh as scan,
  shared,
} from '../../test-fixtures/scan-helpers.ts';
import { CACHE_SWITCH, packageScan } from './package-scan.ts';

// A package scan's options and its memory of earlier scans, as a host sees
// them: what it throws, what it reuses, what it writes and where.

const host = { dependencies: { 'meter-plugins': '1' } };

describe("a package scan's options", () => {
  it('are checked up front, each TypeError saying which option', () => {
    expect(() => packageScan({ field: '' })).toThrow(
      'packageScan: "field" must be a non-empty string',
    );
    expect(() => packageScan({ field: 'x'.repeat(201) })).toThrow(/"field" must be/);
    expect(() => packageScan({ field: 42 as unknown as string })).toThrow(/"field" must be/);
    expect(() => packageScan({ field: 'x'.repeat(200), cache: false })).not.toThrow();
    expect(() => packageScan({ include: ['bundledDependencies' as 'dependencies'] })).toThrow(
      'packageScan: "include" may hold dependencies, optionalDependencies, devDependencies, peerDependencies',
    );
    expect(() => packageScan({ transitive: 1.5 })).toThrow(
      'packageScan: "transitive" must be a boolean or a whole number of levels',
    );
    expect(() => packageScan({ hoisted: 'yes' as unknown as boolean })).toThrow(
      'packageScan: "hoisted" must be a boolean',
    );
  });

  it('name the source a package scan', () => {
    expect(packageScan({ cache: false }).kind).toBe('package-scan');
  });

  it('may name a host folder that is not there: a problem, not a throw', () => {
    const p = project({ host });
    const missing = join(p.root, 'no-such-host');
    const report = packageScan({ cwd: missing, cache: false }).discover();
    expect(report.problems[0]?.error.message).toContain(`${join(missing, 'package.json')}`);
    expect(report.problems[0]?.error.message).toMatch(/the host's manifest cannot be used/);
  });

  it('with hoisted, keep a cache of their own: a scan without it is never reused', () => {
    const p = project({ host, packages: [shared] });
    // Installed in the folder above the host only: found with hoisted alone.
    mkdirSync(join(p.root, 'node_modules'), { recursive: true });
    const above = join(p.root, 'node_modules', 'meter-plugins');
    mkdirSync(above);
    writeFileSync(
      join(above, 'package.json'),
      JSON.stringify({ name: 'meter-plugins', version: '1.0.0', entryPoints: { ns: { p: '.' } } }),
    );
    expect(scan(p.dir).names).toEqual([]);
    expect(scan(p.dir, { hoisted: true }).names).toEqual(['p@meter-plugins@1.0.0']);
    expect(scan(p.dir).names).toEqual([]);
  });
});

describe('what a package scan remembers', () => {
  it('one frozen report per namespace asked for, and no namespace is not the empty one', () => {
    const p = project({ host, packages: [shared, meter] });
    const source = packageScan({ cwd: p.dir, cache: false });
    const all = source.discover();
    expect(all.entryPoints.length).toBeGreaterThan(0);
    expect(source.discover()).toBe(all);
    expect(source.discover('meter.storage')).toBe(source.discover('meter.storage'));
    expect(source.discover('')).toEqual({ entryPoints: [], problems: [] });
  });

  it('how long the scan took, within the time discover() took', () => {
    const p = project({ host, packages: [shared, meter] });
    const source = packageScan({ cwd: p.dir, cache: false });
    const before = performance.now();
    source.discover();
    const took = performance.now() - before;
    expect(source.lastScan?.ms).toBeGreaterThanOrEqual(0);
    expect(source.lastScan?.ms).toBeLessThanOrEqual(took);
  });
});

describe('where the discovery cache is written', () => {
  afterEach(() => {
    delete process.env[CACHE_SWITCH];
  });

  it('never into a node_modules the host does not have', () => {
    const p = project({ host: {} });
    const bare = join(p.root, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'package.json'), '{"name":"bare"}');
    scan(bare);
    expect(existsSync(join(bare, 'node_modules'))).toBe(false);
  });

  it('with a note that says only why it was not used, when it could be written', () => {
    const p = project({ host, packages: [shared, meter] });
    const { stats } = scan(p.dir);
    expect(stats.cache).not.toBe('hit');
    expect(stats.cacheNote).toBeTypeOf('string');
    expect(stats.cacheNote).not.toContain(';');
  });

  it('into a folder the host chose, made when missing, even for a host without node_modules', () => {
    const p = project({ host: {} });
    const bare = join(p.root, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'package.json'), '{"name":"bare"}');
    const dir = join(p.root, 'caches', 'plugins');
    expect(scan(bare, { cache: { dir } }).stats.cacheNote).not.toMatch(/could not write/);
    expect(scan(bare, { cache: { dir } }).stats.cache).toBe('hit');
  });

  it('and when it cannot be, the note says why it was not used and why it was not written', () => {
    const p = project({ host, packages: [shared, meter] });
    const blocked = join(p.root, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const { stats } = scan(p.dir, { cache: { dir: join(blocked, 'cache') } });
    expect(stats.cacheNote).toMatch(/^.+; could not write the discovery cache/);
  });

  it('unless an operator says off, and only a word that means off', () => {
    const p = project({ host, packages: [shared, meter] });
    for (const word of ['off', 'OFF', '0', 'false']) {
      process.env[CACHE_SWITCH] = word;
      expect(scan(p.dir).stats.cache).toBe('off');
    }
    delete process.env[CACHE_SWITCH];
    expect(scan(p.dir).stats.cache).not.toBe('off');
    for (const word of ['offline', 'turnoff', '', 'on']) {
      process.env[CACHE_SWITCH] = word;
      expect(scan(p.dir).stats.cache).toBe('hit');
    }
  });
});
