import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { directoryScan } from './directory-scan.ts';

// Which files of a plugin folder become plugins, under which names and in
// which order, and what a refusal says.

/** A plugin folder holding these empty files. */
function scratch(files: readonly string[] = []): string {
  return tempTree(Object.fromEntries(files.map((name) => [name, ''])));
}

const names = (dir: string, extensions?: readonly string[]) =>
  directoryScan({ namespace: 'ns', directory: dir, ...(extensions ? { extensions } : {}) })
    .discover()
    .entryPoints.map((e) => e.reference);

describe('the files of a plugin folder', () => {
  it('come back sorted by name, then by file, whatever order the folder lists them in', () => {
    // Written out of order, with several names claimed twice.
    const files = ['zz.ts', 'zz.js', 'n2.ts', 'n2.js', 'n10.js', 'b.mjs', 'b.js', 'a-b.js', 'a.ts'];
    const dir = scratch(files);
    expect(names(dir)).toEqual([
      'a.ts',
      'a-b.js',
      'b.js',
      'b.mjs',
      'n10.js',
      'n2.js',
      'n2.ts',
      'zz.js',
      'zz.ts',
    ]);
  });

  it('are named after the longest listed ending, in whatever order the endings are listed', () => {
    const dir = scratch(['cpu.plugin.js', 'disk.js']);
    for (const extensions of [
      ['.js', '.plugin.js'],
      ['.plugin.js', '.js'],
    ]) {
      const report = directoryScan({ namespace: 'ns', directory: dir, extensions }).discover();
      expect(report.entryPoints.map((e) => e.name)).toEqual(['cpu', 'disk']);
    }
  });

  it('never include a file that is only the ending, which would name no plugin', () => {
    const dir = scratch(['plugin.js', 'cpu-plugin.js']);
    const report = directoryScan({
      namespace: 'ns',
      directory: dir,
      extensions: ['plugin.js'],
    }).discover();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['cpu-']);
    expect(report.problems).toEqual([]);
  });

  it('never include a link to a folder, nor report it', () => {
    const dir = scratch(['cpu.js']);
    mkdirSync(join(dir, 'inner'));
    symlinkSync(join(dir, 'inner'), join(dir, 'linked.js'));
    const report = directoryScan({ namespace: 'ns', directory: dir }).discover();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['cpu']);
    expect(report.problems).toEqual([]);
  });
});

describe('what a refusal says', () => {
  it('a file whose name is no plugin name: a DiscoveryError naming the file, no plugin named', () => {
    const dir = scratch(['bad name.js']);
    const [problem] = directoryScan({ namespace: 'ns', directory: dir }).discover().problems;
    expect(problem?.error).toBeInstanceOf(DiscoveryError);
    expect(problem?.error).not.toBeInstanceOf(ReferenceEscapeError);
    expect(problem?.error).toMatchObject({ namespace: 'ns', plugin: undefined });
    expect(problem?.error.detail).toBe(
      `plugin file ${join(dir, 'bad name.js')}: plugin name "bad name" may only use letters, digits, ".", "_", "+" and "-", starting with a letter or digit`,
    );
    expect(problem?.source).toEqual({
      kind: 'file',
      path: join(dir, 'bad name.js'),
      via: 'directory-scan',
    });
  });

  it('a dangling link: the plugin and namespace named, the reason and its cause kept', () => {
    const dir = scratch();
    symlinkSync(join(dir, 'nowhere.js'), join(dir, 'dangling.js'));
    const [problem] = directoryScan({ namespace: 'ns', directory: dir }).discover().problems;
    expect(problem?.error).not.toBeInstanceOf(ReferenceEscapeError);
    expect(problem?.error).toMatchObject({ namespace: 'ns', plugin: 'dangling' });
    expect(problem?.error.detail).toContain(
      `plugin file ${join(dir, 'dangling.js')} cannot be used: it does not exist`,
    );
    expect(problem?.error.cause).toMatchObject({ code: 'ENOENT' });
  });

  it('a folder that cannot be read: the namespace named, the cause kept', () => {
    const dir = join(scratch(), 'missing');
    const [problem] = directoryScan({ namespace: 'ns', directory: dir }).discover().problems;
    expect(problem?.error).toMatchObject({ namespace: 'ns', stage: 'discovery' });
    expect(problem?.error.cause).toMatchObject({ code: 'ENOENT' });
  });

  it('options that cannot be right: a TypeError that says which', () => {
    expect(() => directoryScan({ namespace: 'a b', directory: '.' })).toThrow(
      /^directoryScan: namespace "a b" may only use/,
    );
    expect(directoryScan({ namespace: 'ns', directory: '.' }).kind).toBe('directory-scan');
  });
});
