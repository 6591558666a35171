/**
 * Every refused reference says why, in words a plugin author can act on:
 * each case below is refused by one check, and the message is that check's.
 * A few near misses are accepted, so that each check is seen to draw its
 * line in the right place.
 */
import { describe, expect, it } from 'vitest';
import { packageNameOf, parsePackageReference, parseSpecifierReference } from './reference.ts';

const ANOTHER_PACKAGE =
  'it names another package; a reference must start with "./" (a module of its own package)';
const EMPTY_SEGMENT = 'it has an empty or "." path segment';

describe('a package reference (in a package manifest): each refusal and its message', () => {
  it.each([
    ['', 'the reference is empty'],
    [`./${'a'.repeat(1023)}`, 'it is longer than 1024 characters'],
    ['/abs/plugin.js', 'an absolute path is not inside the package'],
    ['C:/plugin.js', 'an absolute path is not inside the package'],
    ['..', 'it climbs out of the package'],
    ['../up.js', 'it climbs out of the package'],
    ['./a/../../up.js', 'it climbs out of the package'],
    ['other-package', ANOTHER_PACKAGE],
    ['https://example.com/x.js', 'a https: URL is not inside the package'],
    ['node:fs', 'Node built-ins are not plugins'],
    ['./a.js:b:c', 'it has more than one ":"'],
    ['./a.js:__proto__', '"__proto__" is not a plugin export'],
    ['./a.js:constructor', '"constructor" is not a plugin export'],
    ['./a.js:prototype', '"prototype" is not a plugin export'],
    ['./a//b.js', EMPTY_SEGMENT],
    ['./a/./b.js', EMPTY_SEGMENT],
    ['./a/', EMPTY_SEGMENT],
    ['./node_modules/x/index.js', 'it reaches into node_modules (another package)'],
  ])('%j: %s', (reference, why) => {
    expect(parsePackageReference(reference)).toEqual({ ok: false, why });
  });
});

describe('a package reference: the near misses that are accepted', () => {
  it('a reference of exactly 1024 characters', () => {
    const reference = `./${'a'.repeat(1022)}`;
    expect(parsePackageReference(reference)).toEqual({
      ok: true,
      reference: { module: reference, exportName: 'default' },
    });
  });

  it('the package itself, with a named export', () => {
    expect(parsePackageReference('.:Plugin')).toEqual({
      ok: true,
      reference: { module: '.', exportName: 'Plugin' },
    });
  });
});

describe('a specifier reference (in a host list): each refusal and its message', () => {
  it.each([
    [
      './plugin.js',
      'a relative or absolute path is a file, not a package: use the file list source',
    ],
    [
      '/plugin.js',
      'a relative or absolute path is a file, not a package: use the file list source',
    ],
    ['@scope', '"@scope" is not a valid package specifier'],
    ['-bad', '"-bad" is not a valid package specifier'],
    ['pkg//x', EMPTY_SEGMENT],
    ['pkg/../x', 'it climbs out of the package'],
    ['pkg/node_modules/x', 'it reaches into node_modules (another package)'],
    ['pkg:__proto__', '"__proto__" is not a plugin export'],
  ])('%j: %s', (reference, why) => {
    expect(parseSpecifierReference(reference)).toEqual({ ok: false, why });
  });
});

describe('a specifier reference: the near misses that are accepted', () => {
  it('a package whose name looks like a URL scheme, with a named export', () => {
    expect(parseSpecifierReference('pkg:named')).toEqual({
      ok: true,
      reference: { module: 'pkg', exportName: 'named' },
    });
  });

  it('a scoped package named node_modules (only a subpath may not reach into node_modules)', () => {
    expect(parseSpecifierReference('@scope/node_modules')).toEqual({
      ok: true,
      reference: { module: '@scope/node_modules', exportName: 'default' },
    });
  });
});

describe('packageNameOf', () => {
  it('takes the name from the start of the specifier only', () => {
    expect(packageNameOf('@a/b/c')).toBe('@a/b');
    expect(packageNameOf('a/b')).toBe('a');
    expect(packageNameOf('a')).toBe('a');
    expect(packageNameOf('@a/b')).toBe('@a/b');
    expect(packageNameOf('@a')).toBeUndefined();
    expect(packageNameOf('-a/b')).toBeUndefined();
    expect(packageNameOf('a!b')).toBeUndefined();
  });
});
