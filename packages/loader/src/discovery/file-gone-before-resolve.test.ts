/**
 * A plugin file that is there when the scan looks at it and gone a moment
 * later, when its real path is asked for (another process removed it).
 * Made deterministic by a hook in `node:fs`: asking the real path of the
 * victim removes it first. The scan must report that plugin and go on.
 */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { directoryScan } from './directory-scan.ts';
import { fileList } from './file-list.ts';

const race = vi.hoisted(() => ({ victim: undefined as string | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const realpathSync = Object.assign(
    (
      path: Parameters<typeof fs.realpathSync>[0],
      options?: Parameters<typeof fs.realpathSync>[1],
    ) => {
      if (path === race.victim) {
        fs.rmSync(path);
        race.victim = undefined;
      }
      return fs.realpathSync(path, options);
    },
    { native: fs.realpathSync.native },
  ) as typeof fs.realpathSync;
  return { ...fs, default: { ...fs, realpathSync }, realpathSync };
});

function folder(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'plugin-patterns-gone-')));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'cpu.js'), '');
  writeFileSync(join(dir, 'disk.js'), '');
  return dir;
}

describe('a plugin file removed between being found and being resolved', () => {
  it('is reported by the directory scan, by name; the others are found', () => {
    const dir = folder();
    race.victim = join(dir, 'cpu.js');
    const report = directoryScan({ namespace: 'ns', directory: dir }).discover();
    expect(race.victim).toBeUndefined();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['disk']);
    const [problem] = report.problems;
    expect(problem).toMatchObject({ name: 'cpu', reference: 'cpu.js' });
    expect(problem?.error.detail).toMatch(/^cannot read plugin file .*cpu\.js: ENOENT/);
  });

  it('is reported by the file list, by name; the others are found', () => {
    const dir = folder();
    race.victim = join(dir, 'cpu.js');
    const report = fileList({
      namespace: 'ns',
      cwd: dir,
      files: { cpu: './cpu.js', disk: './disk.js' },
    }).discover();
    expect(race.victim).toBeUndefined();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['disk']);
    expect(report.problems[0]?.error.detail).toMatch(/^cannot read plugin file .*cpu\.js: ENOENT/);
  });
});
