import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { fingerprintFiles, fingerprintOf, hashFile, whatChanged } from './manifest-fingerprint.ts';

// What a static manifest's fingerprint notices, file by file: each case is a
// change to an install that must make the manifest stale, or one that must not.

function folder(): string {
  return tempTree({});
}

describe('the files a fingerprint covers', () => {
  it("are the host's package.json alone when no lockfile is found, each file listed once", () => {
    const dir = folder();
    expect(fingerprintFiles(dir, [])).toEqual(['package.json']);
    // A linked manifest that is the host's own is not listed twice.
    expect(
      fingerprintFiles(dir, [join(dir, 'package.json'), join(dir, 'w', 'package.json')]),
    ).toEqual(['package.json', 'w/package.json']);
  });

  it("keep a backslash in a folder's name as part of the name, so its manifest is still watched", () => {
    const dir = folder();
    const odd = join(dir, 'odd\\name');
    mkdirSync(odd);
    writeFileSync(join(odd, 'package.json'), '{"version":"1.0.0"}');
    const files = fingerprintFiles(dir, [join(odd, 'package.json')]);
    expect(files).toEqual(['package.json', 'odd\\name/package.json']);
    const fingerprint = fingerprintOf(dir, files);
    expect(fingerprint[1]?.[1]).not.toBe('absent');
    writeFileSync(join(odd, 'package.json'), '{"version":"1.0.1"}');
    expect(whatChanged(dir, fingerprint)).toBe('odd\\name/package.json');
  });

  it('keep a file that is not there as absent, with no time', () => {
    const dir = folder();
    expect(fingerprintOf(dir, ['yarn.lock'])).toEqual([['yarn.lock', 'absent', -1]]);
  });
});

describe('a change the fingerprint notices', () => {
  it('is a file removed, while a file that was absent and still is changes nothing', () => {
    const dir = folder();
    writeFileSync(join(dir, 'package.json'), '{}');
    const fingerprint = fingerprintOf(dir, ['yarn.lock', 'package.json']);
    expect(whatChanged(dir, fingerprint)).toBeUndefined();
    rmSync(join(dir, 'package.json'));
    expect(whatChanged(dir, fingerprint)).toBe('package.json');
  });

  it('is new content of another size, even when the file keeps its time', () => {
    const dir = folder();
    const file = join(dir, 'package.json');
    const mtime = new Date(2020, 1, 2);
    writeFileSync(file, '{"dependencies":{"a":"1"}}');
    utimesSync(file, mtime, mtime);
    const fingerprint = fingerprintOf(dir, ['package.json']);
    writeFileSync(file, '{"dependencies":{"a":"1","b":"2"}}');
    utimesSync(file, mtime, mtime);
    expect(statSync(file).mtimeMs).toBe(fingerprint[0]?.[2]);
    expect(whatChanged(dir, fingerprint)).toBe('package.json');
  });

  it('is a folder on the way replaced by a file, reported rather than thrown', () => {
    const dir = folder();
    mkdirSync(join(dir, 'plugin'));
    writeFileSync(join(dir, 'plugin', 'package.json'), '{}');
    const fingerprint = fingerprintOf(dir, ['plugin/package.json']);
    rmSync(join(dir, 'plugin'), { recursive: true });
    writeFileSync(join(dir, 'plugin'), 'not a folder');
    expect(whatChanged(dir, fingerprint)).toBe('plugin/package.json');
  });

  it('reads the size and hash of a file as `size:hash`', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a'), 'abc');
    expect(hashFile(join(dir, 'a'))).toMatch(/^3:[0-9a-f]{8}$/);
  });
});
