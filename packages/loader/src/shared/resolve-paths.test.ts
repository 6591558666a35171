/**
 * How a plugin's file is found on disk: a link anywhere below the package
 * folder is followed to the real file (however deep it sits), a package
 * without `exports` resolves its subpaths as Node.js does, a file the host
 * named must exist, and "inside a folder" means inside, not a sibling whose
 * name starts the same.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { isInside, resolveFile, resolvePackageModule } from './resolve.ts';

function write(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

describe('resolvePackageModule: a linked folder deep below the package', () => {
  it('is followed to the real file', () => {
    const root = join(tempTree({}), 'deep-link');
    write(join(root, 'dist', 'esm', 'a.js'), 'export const A = 1;\n');
    write(
      join(root, 'package.json'),
      JSON.stringify({ name: 'p', exports: { './a': './x/lib/a.js' } }),
    );
    mkdirSync(join(root, 'x'));
    symlinkSync(join(root, 'dist', 'esm'), join(root, 'x', 'lib'));
    const result = resolvePackageModule({
      root,
      packageName: 'p',
      hasExports: true,
      module: './a',
      exportName: 'A',
    });
    expect(result.ok && result.target.url).toBe(
      pathToFileURL(join(root, 'dist', 'esm', 'a.js')).href,
    );
  });
});

describe('resolvePackageModule: a package without exports', () => {
  it('resolves a subpath to that file, not to the package main', () => {
    const root = join(tempTree({}), 'legacy');
    write(join(root, 'package.json'), JSON.stringify({ name: 'legacy', main: 'main.js' }));
    write(join(root, 'main.js'), 'export const Main = 1;\n');
    write(join(root, 'sub.js'), 'export const Sub = 1;\n');
    const result = resolvePackageModule({
      root,
      packageName: 'legacy',
      hasExports: false,
      module: './sub.js',
      exportName: 'Sub',
    });
    expect(result.ok && result.target.url).toBe(pathToFileURL(join(root, 'sub.js')).href);
  });
});

describe('resolveFile: a file the host named', () => {
  it('that is missing is refused, naming the file and the first line of the reason', () => {
    const missing = join(tempTree({}), 'nowhere', 'plugin.js');
    const result = resolveFile(missing, 'default');
    expect(result).toMatchObject({ ok: false, escapes: false });
    expect(!result.ok && result.why).toMatch(
      new RegExp(`^cannot read plugin file ${missing.replaceAll('/', '\\/')}: ENOENT[^\\n]*$`),
    );
  });
});

describe('resolveFile: a reason over several lines', () => {
  it('is cut to its first line', () => {
    const base = tempTree({});
    const missing = join(base, 'two\nlines.js');
    const result = resolveFile(missing, 'default');
    expect(!result.ok && result.why).toMatch(new RegExp(`'${join(base, 'two')}$`));
  });
});

describe('isInside', () => {
  it('is inside the folder, never a sibling whose name starts the same', () => {
    expect(isInside('/a/b/file.js', '/a/b')).toBe(true);
    expect(isInside('/a/b/file.js', '/a/b/')).toBe(true);
    expect(isInside('/a/bc/file.js', '/a/b')).toBe(false);
  });
});
