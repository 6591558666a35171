import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { DiscoveryError } from '../errors/kinds.ts';
import { ExtensionSet } from '../extension/extension-set.ts';
import { directoryScan } from './directory-scan.ts';

const fixtures = realpathSync(join(import.meta.dirname, '../../test-fixtures'));
const pluginDir = join(fixtures, 'plugin-dir');

function scratch(files: Record<string, string>): string {
  return tempTree(files);
}

describe('one plugin per file', () => {
  it('names plugins after their files, sorted, skipping what is not a plugin', () => {
    const report = directoryScan({ namespace: 'meter.pollster', directory: pluginDir }).discover();
    // Not: .hidden.js, cpu.test.js, types.d.ts, notes.txt, nested/inner.js.
    expect(report.entryPoints.map((e) => e.name)).toEqual(['cpu', 'disk', 'memory']);
    expect(report.problems).toEqual([]);
    expect(report.entryPoints[0]).toEqual({
      namespace: 'meter.pollster',
      name: 'cpu',
      reference: 'cpu.js',
      source: { kind: 'file', path: join(pluginDir, 'cpu.js'), via: 'directory-scan' },
      target: {
        url: pathToFileURL(join(pluginDir, 'cpu.js')).href,
        exportName: 'default',
        within: realpathSync(pluginDir),
      },
    });
  });

  it('reads a relative folder from cwd, with the extensions and export the host chose', () => {
    // Discovery never imports, so a missing export shows up only when the plugin is loaded.
    const report = directoryScan({
      namespace: 'meter.pollster',
      directory: 'plugin-dir',
      cwd: fixtures,
      extensions: ['.mjs'],
      exportName: 'poller',
    }).discover();
    expect(report.entryPoints.map((e) => [e.name, e.reference])).toEqual([
      ['disk', 'disk.mjs:poller'],
    ]);
  });

  it('names a file after the longest listed ending', () => {
    const dir = scratch({ 'cpu.plugin.js': '', 'helper.js': '' });
    const report = directoryScan({
      namespace: 'ns',
      directory: dir,
      extensions: ['.plugin.js'],
    }).discover();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['cpu']);
  });

  it('keeps two files that claim one name, so the conflict is reported, not hidden', () => {
    const dir = scratch({ 'cpu.js': '', 'cpu.ts': '' });
    const report = directoryScan({ namespace: 'ns', directory: dir }).discover();
    expect(report.entryPoints.map((e) => e.reference)).toEqual(['cpu.js', 'cpu.ts']);
  });

  it('loads a plugin file through an extension set', async () => {
    const set = ExtensionSet.discover({
      namespace: 'meter.pollster',
      sources: [directoryScan({ namespace: 'meter.pollster', directory: pluginDir })],
    });
    expect(await set.load('disk')).toMatchObject({
      meters: ['disk.read.bytes', 'disk.write.bytes'],
    });
  });
});

describe('problems', () => {
  it('reports a missing folder', () => {
    const report = directoryScan({
      namespace: 'ns',
      directory: join(pluginDir, 'missing'),
    }).discover();
    expect(report.entryPoints).toEqual([]);
    expect(report.problems[0]?.error).toBeInstanceOf(DiscoveryError);
    expect(report.problems[0]?.error.message).toMatch(
      /plugin folder .*missing cannot be read: it does not exist/,
    );
  });

  it('reports a file whose name cannot be a plugin name, and a dangling link', () => {
    const dir = scratch({ 'bad name.js': '', 'good.js': '' });
    symlinkSync(join(dir, 'nowhere.js'), join(dir, 'dangling.js'));
    mkdirSync(join(dir, 'folder.js'));
    const report = directoryScan({ namespace: 'ns', directory: dir }).discover();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['good']);
    expect(report.problems.map((q) => [q.name, q.reference])).toEqual([
      [undefined, 'bad name.js'],
      ['dangling', 'dangling.js'],
    ]);
  });

  it('escapes what a folder name or file name holds in messages and origins', () => {
    // U+009B is a one-character ESC [; U+202E reverses what follows on screen.
    const root = scratch({ 'plugins\u202e/bad\u009bname.js': '', 'plugins\u202e/good.js': '' });
    const dir = join(root, 'plugins\u202e');
    symlinkSync(join(dir, 'nowhere\u009b.js'), join(dir, 'dangling.js'));
    const shown = join(root, 'plugins\\u202e');
    const report = directoryScan({ namespace: 'ns', directory: dir }).discover();
    expect(report.problems.map((q) => [q.origin, q.error.detail])).toEqual([
      [
        join(shown, 'bad\\u009bname.js'),
        `plugin file ${join(shown, 'bad\\u009bname.js')}: plugin name "bad\\u009bname" may only use letters, digits, ".", "_", "+" and "-", starting with a letter or digit`,
      ],
      [
        join(shown, 'dangling.js'),
        `plugin file ${join(shown, 'dangling.js')} cannot be used: it does not exist (removed during the scan, or a broken link)`,
      ],
    ]);
    const gone = directoryScan({ namespace: 'ns', directory: join(dir, 'gone\u009b') }).discover();
    expect(gone.problems[0]?.origin).toBe(join(shown, 'gone\\u009b'));
    expect(gone.problems[0]?.error.message).toContain(
      `plugin folder ${join(shown, 'gone\\u009b')} `,
    );
  });

  it('answers only for its own namespace, and refuses invalid options', () => {
    const source = directoryScan({ namespace: 'ns', directory: pluginDir });
    expect(source.discover('other')).toEqual({ entryPoints: [], problems: [] });
    expect(() => directoryScan({ namespace: 'ns', directory: '.', exportName: '1st' })).toThrow(
      TypeError,
    );
  });
});
