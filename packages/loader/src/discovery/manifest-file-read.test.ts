/**
 * Reading one package.json: what comes back for a manifest that is fine, and
 * the reason, naming the file, for each way it can be unusable (a folder, too
 * large, not JSON, JSON that is not an object). The facts taken from it show
 * a missing or hostile version in words, never as it is.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { describeFsError, packageFacts, readManifest } from './manifest-file.ts';

/** A file `name` holding `text`, in a folder of its own. */
function file(name: string, text: string | Buffer): string {
  const path = join(tempTree({}), name);
  writeFileSync(path, text);
  return path;
}

describe('readManifest: a usable manifest', () => {
  it('is the object, with a stamp only when asked for one', () => {
    const path = file('ok.json', '{"name":"p","version":"1.0.0"}');
    expect(readManifest(path)).toEqual({ ok: true, manifest: { name: 'p', version: '1.0.0' } });
    const stamped = readManifest(path, { stamp: true });
    expect(stamped).toMatchObject({ ok: true, manifest: { name: 'p' } });
    expect(stamped.ok && typeof stamped.stamp).toBe('string');
  });

  it('is read whole when larger than the first buffer', () => {
    const big = { name: 'p', padding: 'x'.repeat(200 * 1024) };
    const path = file('big.json', JSON.stringify(big));
    expect(readManifest(path)).toEqual({ ok: true, manifest: big });
  });
});

describe('readManifest: an unusable manifest, and why', () => {
  it('a folder, when a stamp is asked for', () => {
    const path = join(tempTree({}), 'folder');
    mkdirSync(path);
    expect(readManifest(path, { stamp: true })).toEqual({
      ok: false,
      why: `${path} is a folder, not a file`,
    });
  });

  it('a file larger than 16 MiB', () => {
    const path = file('huge.json', Buffer.alloc(16 * 1024 * 1024 + 1, 0x20));
    expect(readManifest(path)).toEqual({
      ok: false,
      why: `${path} is larger than ${16 * 1024 * 1024} bytes`,
    });
  });

  it('a file of exactly 16 MiB is read', () => {
    const text = Buffer.alloc(16 * 1024 * 1024, 0x20);
    text.write('{}', 0);
    expect(readManifest(file('limit.json', text))).toEqual({ ok: true, manifest: {} });
  });

  it.each([
    ['[]', 'an array'],
    ['null', 'null'],
    ['"text"', 'a string'],
    ['7', 'a number'],
  ])('JSON that is not an object: %s', (text) => {
    const path = file('not-object.json', text);
    const read = readManifest(path);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.why).toMatch(new RegExp(`^${path} holds .*, not a JSON object$`));
  });

  it('a link loop', () => {
    const path = join(tempTree({}), 'loop.json');
    symlinkSync(path, path);
    expect(readManifest(path)).toEqual({
      ok: false,
      why: `cannot read ${path}: it is a symbolic link loop`,
    });
  });
});

describe('describeFsError', () => {
  it('says what each file system failure means for a manifest', () => {
    expect(describeFsError({ code: 'EPERM' })).toBe('permission denied');
    expect(describeFsError({ code: 'EACCES' })).toBe('permission denied');
    expect(describeFsError({ code: 'ELOOP' })).toBe('it is a symbolic link loop');
    expect(describeFsError(new Error('disk on fire'))).toBe('disk on fire');
    expect(describeFsError(null)).toBe('null');
  });
});

describe('packageFacts: the version', () => {
  it.each([
    [undefined, '(no version)'],
    ['', '(no version)'],
    ['1.2.3-rc.1+build', '1.2.3-rc.1+build'],
    ['1.0.0\u001b[2J', '(invalid version "1.0.0\\u001b[2J")'],
    // What JSON.stringify leaves raw: a bidi override, a C1 control, a line separator.
    ['rtl-\u202emoc.exe', '(invalid version "rtl-\\u202emoc.exe")'],
    ['1.0.0\u009b2J', '(invalid version "1.0.0\\u009b2J")'],
    ['1\u20282', '(invalid version "1\\u20282")'],
    [123, '(invalid version a number)'],
  ])('%j reads as %s', (version, shown) => {
    const manifest = version === undefined ? { name: 'p' } : { name: 'p', version };
    expect(packageFacts(manifest, 'p').version).toBe(shown);
  });
});

describe('packageFacts: the name', () => {
  it('is the folder it was found under; a different valid claim is kept beside it', () => {
    expect(packageFacts({ name: 'p' }, 'p')).toEqual({
      name: 'p',
      version: '(no version)',
      hasExports: false,
    });
    expect(packageFacts({ name: 'claimed' }, 'found')).toMatchObject({
      name: 'found',
      claimedName: 'claimed',
    });
    expect(packageFacts({ name: 'Not A Name!' }, 'found')).not.toHaveProperty('claimedName');
    expect(packageFacts({ name: 42 }, 'found')).not.toHaveProperty('claimedName');
    expect(packageFacts({ name: 'claimed' }, '')).toMatchObject({ name: 'claimed' });
  });

  it('has exports only when the field is there and not null', () => {
    expect(packageFacts({ exports: './a.js' }, 'p').hasExports).toBe(true);
    expect(packageFacts({ exports: null }, 'p').hasExports).toBe(false);
    expect(packageFacts({}, 'p').hasExports).toBe(false);
  });
});
