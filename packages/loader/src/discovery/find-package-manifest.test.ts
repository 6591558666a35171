import { symlinkSync } from 'node:fs';
import Module, { findPackageJSON } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { findPackageManifest, lookupPackageManifest } from './find-package-manifest.ts';

/** Node's own answer, undefined where it throws. */
function nodeFinds(name: string, from: string): string | undefined {
  try {
    return findPackageJSON(name, pathToFileURL(from));
  } catch {
    return undefined;
  }
}

const self = (exports: string) => `{"name":"me","exports":${exports}}`;

describe('without findPackageJSON, the lookup gives the answer Node gives', () => {
  it.each<
    [string, Record<string, string>, Record<string, string>, string, string, string | undefined]
  >([
    // [case, files, links, name, importing file, expected (relative to the tree)]
    [
      'an installed package',
      { 'app/node_modules/a/package.json': '{}' },
      {},
      'a',
      'app/package.json',
      'app/node_modules/a/package.json',
    ],
    [
      'a scoped package',
      { 'app/node_modules/@s/b/package.json': '{}' },
      {},
      '@s/b',
      'app/package.json',
      'app/node_modules/@s/b/package.json',
    ],
    [
      'a package in a parent folder',
      { 'node_modules/a/package.json': '{}', 'app/package.json': '{}' },
      {},
      'a',
      'app/package.json',
      'node_modules/a/package.json',
    ],
    ['a missing package', { 'app/package.json': '{}' }, {}, 'a', 'app/package.json', undefined],
    [
      'a folder without package.json',
      { 'app/node_modules/a/index.js': '' },
      {},
      'a',
      'app/package.json',
      'app/node_modules/a/package.json',
    ],
    [
      'a file where the package would be',
      { 'app/node_modules/a': '', 'node_modules/a/package.json': '{}' },
      {},
      'a',
      'app/package.json',
      'node_modules/a/package.json',
    ],
    [
      'a linked package (pnpm)',
      { 'store/a/package.json': '{}' },
      { 'app/node_modules/a': '../../store/a' },
      'a',
      'app/package.json',
      'app/node_modules/a/package.json',
    ],
    [
      'a self-reference, exports a string',
      { 'app/package.json': self('"./x.js"') },
      {},
      'me',
      'app/package.json',
      'app/package.json',
    ],
    [
      'a self-reference, exports an object',
      { 'app/package.json': self('{".":"./x.js"}') },
      {},
      'me',
      'app/package.json',
      'app/package.json',
    ],
    [
      'a self-reference, exports an array',
      { 'app/package.json': self('[]') },
      {},
      'me',
      'app/package.json',
      'app/package.json',
    ],
    [
      'a self-reference, exports empty',
      { 'app/package.json': self('""') },
      {},
      'me',
      'app/package.json',
      'app/package.json',
    ],
    [
      'a self-reference from a file below',
      { 'app/package.json': self('"./x.js"') },
      {},
      'me',
      'app/lib/deep/x.js',
      'app/package.json',
    ],
    [
      'a self-reference before an installed one',
      { 'app/package.json': self('"./x.js"'), 'app/node_modules/me/package.json': '{}' },
      {},
      'me',
      'app/package.json',
      'app/package.json',
    ],
    [
      'no self-reference without exports',
      { 'app/package.json': '{"name":"me"}' },
      {},
      'me',
      'app/package.json',
      undefined,
    ],
    [
      'no self-reference, exports null',
      { 'app/package.json': self('null') },
      {},
      'me',
      'app/package.json',
      undefined,
    ],
    [
      'no self-reference, exports false',
      { 'app/package.json': self('false') },
      {},
      'me',
      'app/package.json',
      undefined,
    ],
    [
      'no self-reference, exports true',
      { 'app/package.json': self('true') },
      {},
      'me',
      'app/package.json',
      undefined,
    ],
    [
      'no self-reference, exports a number',
      { 'app/package.json': self('1') },
      {},
      'me',
      'app/package.json',
      undefined,
    ],
    [
      'no self-reference by another name',
      { 'app/package.json': self('"./x.js"') },
      {},
      'you',
      'app/package.json',
      undefined,
    ],
    [
      'an installed package under another name',
      { 'app/package.json': self('"./x.js"'), 'app/node_modules/you/package.json': '{}' },
      {},
      'you',
      'app/package.json',
      'app/node_modules/you/package.json',
    ],
    [
      'only the nearest package is the importer',
      { 'app/package.json': self('"./x.js"'), 'app/sub/package.json': '{"name":"sub"}' },
      {},
      'me',
      'app/sub/x.js',
      undefined,
    ],
    [
      'not past a node_modules folder',
      { 'app/package.json': self('"./x.js"'), 'app/node_modules/d/lib/x.js': '' },
      {},
      'me',
      'app/node_modules/d/lib/x.js',
      undefined,
    ],
    [
      'a package inside node_modules naming itself',
      { 'app/node_modules/d/package.json': '{"name":"d","exports":"./x.js"}' },
      {},
      'd',
      'app/node_modules/d/lib/x.js',
      'app/node_modules/d/package.json',
    ],
    [
      'an importer whose package.json is not JSON',
      { 'app/package.json': '{bad', 'app/node_modules/a/package.json': '{}' },
      {},
      'a',
      'app/package.json',
      undefined,
    ],
    [
      'an importer whose package.json is an array',
      { 'app/package.json': '[]', 'app/node_modules/a/package.json': '{}' },
      {},
      'a',
      'app/package.json',
      undefined,
    ],
    [
      'an importer whose package.json is null',
      { 'app/package.json': 'null', 'app/node_modules/a/package.json': '{}' },
      {},
      'a',
      'app/package.json',
      undefined,
    ],
    [
      'an importer whose package.json is a string',
      { 'app/package.json': '"x"', 'app/node_modules/a/package.json': '{}' },
      {},
      'a',
      'app/package.json',
      undefined,
    ],
    [
      'a package.json that is a folder is passed over',
      { 'app/package.json/x': '', 'package.json': self('"./x.js"') },
      {},
      'me',
      'app/x.js',
      'package.json',
    ],
    [
      'an importer in a folder that does not exist',
      { 'app/package.json': self('"./x.js"') },
      {},
      'me',
      'app/gone/x.js',
      'app/package.json',
    ],
    [
      'an importer without any package.json',
      { 'app/node_modules/a/package.json': '{}' },
      {},
      'a',
      'app/x.js',
      'app/node_modules/a/package.json',
    ],
  ])('%s', (_, files, links, name, from, expected) => {
    const root = tempTree(files, links);
    const want = expected === undefined ? undefined : join(root, expected);
    // The expectation is Node's own answer, checked here, and the lookup's.
    expect(nodeFinds(name, join(root, from))).toBe(want);
    expect(lookupPackageManifest(name, join(root, from))).toBe(want);
  });

  it('gives no self-reference past the root', () => {
    // The importer sits at the root of the file system: the walk stops there.
    expect(lookupPackageManifest('no-such-package-anywhere', '/x.js')).toBeUndefined();
  });
});

describe('with findPackageJSON (Node.js)', () => {
  it("returns Node's answer, and undefined where Node throws", () => {
    const root = tempTree({ 'app/node_modules/a/package.json': '{}' });
    const base = pathToFileURL(join(root, 'app/package.json'));
    expect(findPackageManifest('a', base)).toBe(join(root, 'app/node_modules/a/package.json'));
    expect(findPackageManifest('b', base)).toBeUndefined();
  });
});

describe('which answer is used', () => {
  /** Replaces `module.findPackageJSON` in this process until the test ends. */
  function replaceFind(replacement: typeof findPackageJSON | undefined): void {
    const original = Module.findPackageJSON;
    onTestFinished(() => {
      Module.findPackageJSON = original;
      Module.syncBuiltinESMExports();
    });
    if (replacement === undefined) delete (Module as { findPackageJSON?: unknown }).findPackageJSON;
    else Module.findPackageJSON = replacement;
    Module.syncBuiltinESMExports();
  }

  it("is the runtime's findPackageJSON, read at each call", () => {
    replaceFind(() => '/asked/node/package.json');
    expect(findPackageManifest('a', pathToFileURL('/x/package.json'))).toBe(
      '/asked/node/package.json',
    );
  });

  it('is the lookup where the runtime has none', () => {
    const root = tempTree({ 'app/node_modules/a/package.json': '{}' });
    replaceFind(undefined);
    const base = pathToFileURL(join(root, 'app/package.json'));
    expect(findPackageManifest('a', base)).toBe(join(root, 'app/node_modules/a/package.json'));
    expect(findPackageManifest('b', base)).toBeUndefined();
  });

  it('is undefined, as on Node, when a folder on the way cannot be read (a link to itself)', () => {
    const root = tempTree({ 'app/package.json': '{}' });
    symlinkSync('loop', join(root, 'app/loop'));
    replaceFind(undefined);
    const base = pathToFileURL(join(root, 'app/loop/lib/host.js'));
    expect(findPackageManifest('a', base)).toBeUndefined();
  });
});
