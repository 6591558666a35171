import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { DiscoveryError } from '../errors/kinds.ts';
import { fileList } from './file-list.ts';

const namespace = 'test.files';
/** Discovers `files` from a folder of its own holding `a.js`; the report, and that folder. */
function discover(files: Record<string, unknown>) {
  const cwd = tempTree({ 'a.js': 'export default class A {}\n' });
  const list = files as Parameters<typeof fileList>[0]['files'];
  return { cwd, ...fileList({ namespace, files: list, cwd }).discover(namespace) };
}

describe('fileList: a listed file', () => {
  it('as a string or as { path } without export: the path as written and the default export', () => {
    for (const file of ['a.js', { path: 'a.js' }]) {
      const { entryPoints, problems, cwd } = discover({ a: file });
      expect(problems).toEqual([]);
      expect(entryPoints).toEqual([
        {
          namespace,
          name: 'a',
          reference: 'a.js',
          source: { kind: 'file', path: join(cwd, 'a.js'), via: 'file-list' },
          target: { url: pathToFileURL(join(cwd, 'a.js')).href, exportName: 'default' },
        },
      ]);
    }
  });

  it('is reported by a source of kind file-list', () => {
    expect(fileList({ namespace, files: {}, cwd: tempTree({}) }).kind).toBe('file-list');
  });
});

describe('fileList: a bad entry', () => {
  it('a missing file: the problem names the file, its path as written, and where it was to be', () => {
    const {
      problems: [problem],
      cwd,
    } = discover({ gone: 'gone.js' });
    const absolute = join(cwd, 'gone.js');
    expect(problem).toMatchObject({
      namespace,
      name: 'gone',
      origin: absolute,
      reference: 'gone.js',
      source: { kind: 'file', path: absolute, via: 'file-list' },
    });
    expect(problem?.error).toBeInstanceOf(DiscoveryError);
    expect(problem?.error).toMatchObject({ namespace, plugin: 'gone' });
  });

  it('a missing file whose path holds a C1 control or a bidi override: shown escaped', () => {
    const {
      problems: [problem],
      cwd,
    } = discover({ gone: 'gone\u009b2J\u202e.js' });
    const shown = join(cwd, 'gone\\u009b2J\\u202e.js');
    expect(problem?.origin).toBe(shown);
    expect(problem?.error.message).toContain(`plugin file ${shown} cannot be used`);
    expect(problem?.reference).toBe('gone\u009b2J\u202e.js'); // the value as listed, not a message
  });

  it('{ path } whose path is not a string: refused, with no reference shown', () => {
    const [problem] = discover({ odd: { path: 42 } }).problems;
    expect(problem?.error.message).toContain('a plugin file must be a path or { path, export }');
    expect(problem?.reference).toBeUndefined();
  });

  it.each([42, ''])('%j: refused as not a path, from the list entry', (file) => {
    const [problem] = discover({ odd: file }).problems;
    expect(problem?.error.message).toContain(
      'a plugin file must be a path or { path, export }, not',
    );
    expect(problem?.name).toBe('odd');
    if (file === 42) {
      expect(problem?.origin).toBe('file list, plugin "odd"');
      expect(problem?.reference).toBeUndefined();
      expect(problem).not.toHaveProperty('source');
    }
  });
});

describe('fileList: an invalid namespace', () => {
  it('is a TypeError that names fileList', () => {
    expect(() => fileList({ namespace: 'Not A Namespace!', files: {} })).toThrow(/^fileList: /);
  });
});
