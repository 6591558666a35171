import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { type PackageModule, resolvePackageModule } from './resolve.ts';

/**
 * A package folder `name` in a tree of its own, holding `files`, with
 * `manifest` as its package.json (none if undefined).
 */
function packageFolder(
  name: string,
  files: Record<string, string>,
  manifest: Record<string, unknown> | undefined,
): string {
  const tree: Record<string, string | object> = {};
  for (const [file, text] of Object.entries(files)) tree[`${name}/${file}`] = text;
  if (manifest !== undefined) tree[`${name}/package.json`] = manifest;
  const root = join(tempTree(tree), name);
  mkdirSync(root, { recursive: true }); // a package with nothing in it yet
  return root;
}

function ref(root: string, extra: Partial<PackageModule> = {}): PackageModule {
  return { root, packageName: 'p', hasExports: true, module: './a', exportName: 'A', ...extra };
}

describe('resolvePackageModule: the exports map handed in', () => {
  it('uses the caller’s map and does not read package.json again', () => {
    // No package.json at all: only the map handed in can resolve this.
    const root = packageFolder('handed-in', { 'lib/a.js': 'export const A = 1;\n' }, undefined);
    const result = resolvePackageModule(ref(root, { exports: { './a': './lib/a.js' } }));
    expect(result).toEqual({
      ok: true,
      target: { url: pathToFileURL(join(root, 'lib', 'a.js')).href, exportName: 'A', within: root },
    });
  });

  it('reads the manifest’s map when none is handed in', () => {
    const root = packageFolder(
      'read-now',
      { 'lib/a.js': 'export const A = 1;\n' },
      { name: 'p', exports: { './a': './lib/a.js' } },
    );
    const result = resolvePackageModule(ref(root));
    expect(result.ok && result.target.url).toBe(pathToFileURL(join(root, 'lib', 'a.js')).href);
  });

  it('refuses a subpath the handed-in map does not export, saying so', () => {
    const root = packageFolder('not-exported', { 'a.js': '' }, undefined);
    const result = resolvePackageModule(ref(root, { exports: { '.': './a.js' } }));
    expect(result).toMatchObject({ ok: false, escapes: false });
    expect(!result.ok && result.why).toContain('"./a" is not exported by the package');
  });
});

describe('resolvePackageModule: the real path must stay inside the package', () => {
  it('refuses an exported file that is a symlink to a file outside', () => {
    const outside = packageFolder('outside', { 'secret.js': 'export const A = 1;\n' }, undefined);
    const root = packageFolder('linker', {}, { name: 'p', exports: { './a': './a.js' } });
    symlinkSync(join(outside, 'secret.js'), join(root, 'a.js'));
    const result = resolvePackageModule(ref(root));
    expect(result).toMatchObject({ ok: false, escapes: true });
    expect(!result.ok && result.why).toContain(join(outside, 'secret.js'));
  });

  it('accepts a symlink that stays inside, and hands back the real file', () => {
    const root = packageFolder(
      'inner-link',
      { 'lib/real.js': 'export const A = 1;\n' },
      { name: 'p', exports: { './a': './a.js' } },
    );
    symlinkSync(join(root, 'lib', 'real.js'), join(root, 'a.js'));
    const result = resolvePackageModule(ref(root));
    expect(result.ok && result.target.url).toBe(pathToFileURL(join(root, 'lib', 'real.js')).href);
  });
});

describe('resolvePackageModule: links in the folders below the package', () => {
  it('refuses an exported file reached through a linked folder that leads outside', () => {
    const outside = packageFolder('far-away', { 'lib/a.js': 'export const A = 1;\n' }, undefined);
    const root = packageFolder(
      'folder-linker',
      {},
      { name: 'p', exports: { './a': './lib/a.js' } },
    );
    symlinkSync(join(outside, 'lib'), join(root, 'lib'));
    const result = resolvePackageModule(ref(root));
    expect(result).toMatchObject({ ok: false, escapes: true });
    expect(!result.ok && result.why).toContain(join(outside, 'lib', 'a.js'));
  });

  it('follows a linked folder that stays inside, to the real file', () => {
    const root = packageFolder(
      'inner-folder-link',
      { 'dist/esm/a.js': 'export const A = 1;\n' },
      { name: 'p', exports: { './a': './lib/a.js' } },
    );
    symlinkSync(join(root, 'dist', 'esm'), join(root, 'lib'));
    const result = resolvePackageModule(ref(root));
    expect(result.ok && result.target.url).toBe(
      pathToFileURL(join(root, 'dist', 'esm', 'a.js')).href,
    );
  });

  it('says which file is missing, as realpath does', () => {
    const root = packageFolder('missing-file', {}, { name: 'p', exports: { './a': './lib/a.js' } });
    const result = resolvePackageModule(ref(root));
    expect(result).toMatchObject({ ok: false, escapes: false });
    expect(!result.ok && result.why).toMatch(/cannot resolve "\.\/a" in p: ENOENT.*lib[/\\]a\.js/);
  });

  it('hands back the URL of a real path with characters a URL must encode', () => {
    const root = packageFolder(
      'space and #hash',
      { 'lib/a b.js': 'export const A = 1;\n' },
      { name: 'p', exports: { './a': './lib/a b.js' } },
    );
    const result = resolvePackageModule(ref(root));
    expect(result.ok && result.target.url).toBe(pathToFileURL(join(root, 'lib', 'a b.js')).href);
  });
});
