import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { DiscoveryError } from '../errors/kinds.ts';
import { ExtensionSet } from '../extension/extension-set.ts';
import { fileList } from './file-list.ts';

const fixtures = realpathSync(join(import.meta.dirname, '../../test-fixtures'));
const files = join(fixtures, 'plugin-files');

describe('files the host lists', () => {
  it('takes absolute paths and paths relative to cwd, with the default or a named export', () => {
    const report = fileList({
      namespace: 'meter.storage',
      cwd: fixtures,
      files: {
        memory: join(files, 'memory-storage.js'),
        log: { path: 'plugin-files/log-handler.mjs', export: 'handler' },
      },
    }).discover('meter.storage');
    expect(report.problems).toEqual([]);
    const [memory, log] = report.entryPoints;
    expect(memory).toEqual({
      namespace: 'meter.storage',
      name: 'memory',
      reference: join(files, 'memory-storage.js'),
      source: { kind: 'file', path: join(files, 'memory-storage.js'), via: 'file-list' },
      target: { url: pathToFileURL(join(files, 'memory-storage.js')).href, exportName: 'default' },
    });
    expect(log?.reference).toBe('plugin-files/log-handler.mjs:handler');
    expect(log?.target).toEqual({
      url: pathToFileURL(join(files, 'log-handler.mjs')).href,
      exportName: 'handler',
    });
  });

  it('records the real path of a file reached through a symlink', () => {
    const dir = tempTree({}, { 'linked.js': join(files, 'memory-storage.js') });
    const [entry] = fileList({
      namespace: 'ns',
      files: { linked: join(dir, 'linked.js') },
    }).discover().entryPoints;
    expect(entry?.source).toEqual({
      kind: 'file',
      path: join(files, 'memory-storage.js'),
      via: 'file-list',
    });
  });

  it('loads a listed file through an extension set', async () => {
    const set = ExtensionSet.discover({
      namespace: 'meter.notification',
      sources: [
        fileList({
          namespace: 'meter.notification',
          files: { log: { path: join(files, 'log-handler.mjs'), export: 'handler' } },
        }),
      ],
    });
    expect(await set.load('log')).toMatchObject({ eventTypes: ['compute.instance.*'] });
  });
});

describe('a bad entry is a problem; the others are still found', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a missing file', join(files, 'missing.js'), /missing\.js cannot be used: it does not exist/],
    ['a folder', files, /is not a file/],
    [
      'an invalid export name',
      { path: join(files, 'log-handler.mjs'), export: '1st' },
      /not a valid export name/,
    ],
    ['a value that is not a path', 42, /must be a path or \{ path, export \}/],
  ];
  it.each(cases)('%s', (_, file, message) => {
    const report = fileList({
      namespace: 'meter.storage',
      files: { bad: file as string, memory: join(files, 'memory-storage.js') },
    }).discover();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['memory']);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ namespace: 'meter.storage', name: 'bad' });
    expect(report.problems[0]?.error).toBeInstanceOf(DiscoveryError);
    expect(report.problems[0]?.error.message).toMatch(message);
  });

  it('an invalid plugin name, reported without a name', () => {
    const report = fileList({
      namespace: 'ns',
      files: { 'bad name': join(files, 'memory-storage.js') },
    }).discover();
    expect(report.entryPoints).toEqual([]);
    expect(report.problems[0]).toMatchObject({ namespace: 'ns', name: undefined });
    expect(report.problems[0]?.error.message).toMatch(/plugin name "bad name" may only use/);
  });
});

describe('namespaces', () => {
  it('answers only for its own namespace, and refuses an invalid one', () => {
    const source = fileList({ namespace: 'meter.storage', files: { x: 'x.js' } });
    expect(source.discover('meter.pollster')).toEqual({ entryPoints: [], problems: [] });
    expect(() => fileList({ namespace: '', files: {} })).toThrow(TypeError);
  });
});
