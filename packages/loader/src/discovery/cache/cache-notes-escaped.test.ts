import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../../test-fixtures/temp-tree.ts';
import { hasUnsafeCharacter } from '../../shared/unsafe-text.ts';
import { CACHE_OFF_MARKER, packageScan, type ScanStats } from '../package-scan.ts';

// A package scan's notes about its cache (lastScan.cacheNote) quote the
// host's cache folder, named by whoever made it: a C1 control there (U+009B
// is a one-character ESC [) is escaped where the note is written, as every
// discovery message is.

const HOSTILE = '\u009b2J';
const SHOWN = '\\u009b2J';

/** A host with one dependency, in `folder` of a temp tree; its cache folder holds U+009B. */
function host(folder = 'host'): { cwd: string; dir: string } {
  const root = tempTree({
    [`${folder}/package.json`]: { dependencies: { plugins: '1' } },
    [`${folder}/package-lock.json`]: { lockfileVersion: 3 },
    [`${folder}/node_modules/plugins/package.json`]: {
      name: 'plugins',
      version: '1.0.0',
      entryPoints: { ns: { a: './a:A' } },
    },
  });
  const cwd = join(root, folder);
  return { cwd, dir: join(root, `cache${HOSTILE}`) };
}

function scan(cwd: string, dir: string): ScanStats {
  const source = packageScan({ cwd, cache: { dir } });
  source.discover();
  if (source.lastScan === undefined) throw new Error('discover() ran no scan');
  return source.lastScan;
}

function expectEscaped(note: string | undefined, ...says: string[]): void {
  expect(note).toBeTypeOf('string');
  for (const part of says) expect(note).toContain(part);
  expect(hasUnsafeCharacter(note ?? ''), note).toBe(false);
}

/** A cache file edited between two scans: `edit` gets the parsed file and returns the new text. */
// biome-ignore lint/suspicious/noExplicitAny: the file's own shape, edited by hand
type Edit = (data: any) => string;

describe('cache notes escape the folder they quote', () => {
  it('no file yet (the first scan)', () => {
    const { cwd, dir } = host();
    const stats = scan(cwd, dir);
    expect(stats.cache).toBe('absent');
    expectEscaped(stats.cacheNote, `no cache file at ${dir.replace(HOSTILE, SHOWN)}`);
  });

  it.each<[string, Edit, string, string]>([
    ['not JSON', () => '{', 'invalid', 'is not JSON'],
    ['of another version', () => '{"format":"x"}', 'invalid', 'is not a version'],
    [
      'of another format',
      (data) => JSON.stringify({ ...data, format: 'other' }),
      'invalid',
      'is not a version',
    ],
    [
      'written for other options',
      (data) => JSON.stringify({ ...data, key: 'other' }),
      'stale',
      'was written for other options',
    ],
    [
      'of the wrong shape',
      (data) => JSON.stringify({ ...data, stamps: 7 }),
      'invalid',
      'does not have the shape of a scan cache',
    ],
    [
      'refused on load',
      (data) => {
        data.packages.version[0] = 'not a version';
        return JSON.stringify(data);
      },
      'invalid',
      'was refused and is rebuilt',
    ],
  ])('a file %s', (_, edit, state, says) => {
    const { cwd, dir } = host();
    const file = scan(cwd, dir).cacheFile;
    if (file === undefined) throw new Error('no cache file');
    writeFileSync(file, edit(JSON.parse(readFileSync(file, 'utf8'))));
    const stats = scan(cwd, dir);
    expect(stats.cache).toBe(state);
    expectEscaped(stats.cacheNote, `cache${SHOWN}`, says);
  });

  it('a cache folder that is a file: cannot read, could not write', () => {
    const { cwd, dir } = host();
    writeFileSync(dir, '');
    const stats = scan(cwd, dir);
    expect(stats.cache).toBe('invalid');
    expectEscaped(
      stats.cacheNote,
      `cannot read ${join(dir.replace(HOSTILE, SHOWN), 'package-scan-')}`,
    );
    expectEscaped(stats.cacheNote, 'could not write the discovery cache', `cache${SHOWN}`);
    // Each part ends with Node's own message (which quotes the path again).
    expect(stats.cacheNote).toMatch(
      /^cannot read [^;]+: ENOTDIR[^;]+; could not write [^;]+: ENOTDIR/,
    );
  });

  it('turned off by the marker file in the folder', () => {
    const { cwd, dir } = host();
    mkdirSync(dir);
    writeFileSync(join(dir, CACHE_OFF_MARKER), '');
    const stats = scan(cwd, dir);
    expect(stats.cache).toBe('off');
    expectEscaped(
      stats.cacheNote,
      `turned off by ${join(dir.replace(HOSTILE, SHOWN), CACHE_OFF_MARKER)}`,
    );
  });

  it('stale: the changed file it names, in a host folder holding U+009B', () => {
    const { cwd, dir } = host(`host${HOSTILE}`);
    scan(cwd, dir);
    writeFileSync(join(cwd, 'package-lock.json'), '{"lockfileVersion": 3, "changed": true}');
    const stats = scan(cwd, dir);
    expect(stats.cache).toBe('stale');
    expectEscaped(stats.cacheNote, `host${SHOWN}`, 'package-lock.json changed');
  });
});
