import { findPackageJSON } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { locatePackage, lookupFolders, realFolder } from './package-lookup.ts';

const manifest = '{"name":"x","version":"1.0.0"}';

/** Where Node itself finds NAME imported from `from` (a manifest), or undefined. */
function nodeFinds(name: string, from: string): string | undefined {
  try {
    return dirname(findPackageJSON(name, pathToFileURL(from)) as string);
  } catch {
    return undefined;
  }
}

describe('the folders searched', () => {
  it("are the node_modules folders of the manifest's ancestors, nearest first", () => {
    const root = tempTree({ 'app/package.json': '{}' });
    const folders = lookupFolders(join(root, 'app/package.json'), 'any');
    expect(folders.slice(0, 2)).toEqual([
      join(root, 'app/node_modules'),
      join(root, 'node_modules'),
    ]);
    expect(folders.at(-1)).toBe(join('/', 'node_modules'));
  });

  it('leave out NODE_PATH and the global folders, which import() never searches', () => {
    const root = tempTree({ 'app/package.json': '{}' });
    const folders = lookupFolders(join(root, 'app/package.json'), 'any');
    for (const folder of folders) expect(join(root, 'app')).toContain(dirname(folder));
  });

  it("leave out the global folders of a host in the user's home folder", () => {
    // ~/.node_modules and ~/.node_libraries sit in an ancestor of such a host.
    const folders = lookupFolders(join(homedir(), 'projects', 'app', 'package.json'), 'any');
    expect(folders).toContain(join(homedir(), 'projects', 'app', 'node_modules'));
    expect(folders).not.toContain(join(homedir(), '.node_modules'));
    expect(folders).not.toContain(join(homedir(), '.node_libraries'));
  });

  it('are the same for the name of a Node built-in', () => {
    const root = tempTree({ 'app/package.json': '{}' });
    const from = join(root, 'app/package.json');
    expect(lookupFolders(from, 'events')).toEqual(lookupFolders(from, 'left-pad'));
  });
});

describe('the package found', () => {
  it('is the nearest folder of that name, as Node finds it (hoisted, nested, scoped)', () => {
    const root = tempTree({
      'package.json': '{}',
      'node_modules/hoisted/package.json': manifest,
      'node_modules/@scope/pkg/package.json': manifest,
      'node_modules/a/package.json': manifest,
      'node_modules/a/node_modules/nested/package.json': manifest,
      'node_modules/nested/package.json': manifest,
    });
    const from = join(root, 'node_modules/a/package.json');
    const folders = lookupFolders(from, 'x');
    for (const name of ['hoisted', '@scope/pkg', 'nested', 'missing']) {
      expect(locatePackage(name, folders)?.folder).toBe(nodeFinds(name, from));
    }
    expect(locatePackage('@scope/pkg', folders)?.holder).toBe(join(root, 'node_modules/@scope'));
  });

  it('passes over a file or a dangling link of that name, as Node does', () => {
    const root = tempTree(
      {
        'app/package.json': '{}',
        'app/node_modules/file-here': 'not a folder',
        'node_modules/file-here/package.json': manifest,
        'node_modules/dangling/package.json': manifest,
      },
      { 'app/node_modules/dangling': 'nowhere' },
    );
    const from = join(root, 'app/package.json');
    const folders = lookupFolders(from, 'x');
    for (const name of ['file-here', 'dangling']) {
      expect(locatePackage(name, folders)?.folder).toBe(join(root, 'node_modules', name));
      expect(locatePackage(name, folders)?.folder).toBe(nodeFinds(name, from));
    }
  });

  it('has its real folder: through its own link, or through a linked holding folder', () => {
    const root = tempTree(
      {
        'package.json': '{}',
        'store/linked/package.json': manifest,
        'elsewhere/@scope/plain/package.json': manifest,
      },
      {
        'node_modules/linked': '../store/linked',
        'node_modules/@scope': '../elsewhere/@scope',
      },
    );
    const folders = lookupFolders(join(root, 'package.json'), 'x');
    const linked = locatePackage('linked', folders);
    const plain = locatePackage('@scope/plain', folders);
    expect(linked?.isLink).toBe(true);
    expect(plain?.isLink).toBe(false);
    if (linked === undefined || plain === undefined) throw new Error('not found');
    expect(realFolder(linked, { real: undefined })).toBe(join(root, 'store/linked'));
    // The holding folder's real path is taken once and kept for the next package in it.
    const holder: { real: string | undefined } = { real: undefined };
    expect(realFolder(plain, holder)).toBe(join(root, 'elsewhere/@scope/plain'));
    expect(holder.real).toBe(join(root, 'elsewhere/@scope'));
  });
});
