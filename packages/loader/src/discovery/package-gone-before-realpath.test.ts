/**
 * A package that is there when Node finds it and gone a moment later, when
 * its real path is asked for (an install in another terminal removed it).
 * Made deterministic by a hook in `node:fs`: asking the real path of the
 * victim removes it first. Discovery must report that package and go on.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { makeProject } from '../../test-fixtures/make-project.ts';
import { walkInstalledPackages } from './installed-packages.ts';
import { referenceList } from './reference-list.ts';

const race = vi.hoisted(() => ({ victim: undefined as string | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const native = ((path: Parameters<typeof fs.realpathSync.native>[0]) => {
    if (path === race.victim) {
      rmSync(path, { recursive: true, force: true });
      race.victim = undefined;
    }
    return fs.realpathSync.native(path);
  }) as typeof fs.realpathSync.native;
  const realpathSync = Object.assign(
    (...args: Parameters<typeof fs.realpathSync>) => fs.realpathSync(...args),
    { native },
  ) as typeof fs.realpathSync;
  return { ...fs, default: { ...fs, realpathSync }, realpathSync };
});

const plugins = (name: string) => ({
  name,
  manifest: { exports: { './p': './p.js' }, entryPoints: { ns: { p: './p' } } },
  files: { 'p.js': 'export default 1;\n' },
});

function installed() {
  // pnpm: each package is a link into the store, followed with realpath.
  const p = makeProject({
    layout: 'pnpm',
    host: { dependencies: { first: '1', gone: '1' } },
    packages: [plugins('first'), plugins('gone')],
  });
  onTestFinished(() => p.remove());
  return p;
}

describe('a package removed between being found and being followed', () => {
  it('is reported by the scan, naming it and its manifest; the others are found', () => {
    const p = installed();
    race.victim = join(p.dir, 'node_modules', 'gone');
    const walk = walkInstalledPackages({
      cwd: p.dir,
      field: 'entryPoints',
      include: ['dependencies'],
      levels: 0,
    });
    expect(race.victim).toBeUndefined();
    expect(walk.packages.map((x) => x.name)).toEqual(['first']);
    const manifest = join(p.dir, 'node_modules', 'gone', 'package.json');
    expect(walk.issues).toEqual([
      {
        origin: manifest,
        why: expect.stringMatching(/^"gone": .*gone\/package\.json: it does not exist/),
      },
    ]);
  });

  it('is reported by a reference list, naming the plugin; the others are found', () => {
    const p = installed();
    race.victim = join(p.dir, 'node_modules', 'gone', 'package.json');
    const report = referenceList({
      namespace: 'ns',
      cwd: p.dir,
      plugins: { a: 'first/p', b: 'gone/p' },
    }).discover();
    expect(race.victim).toBeUndefined();
    expect(report.entryPoints.map((e) => e.name)).toEqual(['a']);
    const [problem] = report.problems;
    expect(problem?.error).toMatchObject({ namespace: 'ns', plugin: 'b' });
    expect(problem?.error.detail).toMatch(/gone\/package\.json: it does not exist/);
    expect(problem?.error.cause).toMatchObject({ code: 'ENOENT' });
  });
});
