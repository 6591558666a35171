// A reference list on a runtime without `module.findPackageJSON` (Bun): a
// child Node.js process with the function deleted finds what Node finds.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type Layout, makeProject } from '../../test-fixtures/make-project.ts';

const referenceListUrl = new URL('./reference-list.ts', import.meta.url).href;

/** Runs discovery in a child process, with or without findPackageJSON; returns what it found. */
function discoverIn(cwd: string, plugins: Record<string, string>, withFind: boolean) {
  const script = `
    import * as nodeModule from 'node:module';
    if (${!withFind}) {
      const module = (await import('node:module')).default;
      delete module.findPackageJSON;
      module.syncBuiltinESMExports();
    }
    const { referenceList } = await import(${JSON.stringify(referenceListUrl)});
    const source = referenceList({ namespace: 'meter.storage', cwd: ${JSON.stringify(cwd)}, plugins: ${JSON.stringify(plugins)} });
    const report = source.discover('meter.storage');
    console.log(JSON.stringify({
      seen: typeof nodeModule.findPackageJSON,
      entryPoints: report.entryPoints,
      problems: report.problems.map((p) => ({ name: p.name, message: p.error.message })),
    }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as {
    seen: string;
    entryPoints: { name: string; source: { packageName: string; root: string } }[];
    problems: { name: string; message: string }[];
  };
}

describe.each<Layout>(['npm', 'pnpm'])('without findPackageJSON (%s layout)', (layout) => {
  it('a reference list finds what it finds with it', () => {
    const p = makeProject({
      layout,
      host: {
        // The host names itself: Node's self-reference, through its exports.
        exports: { './local': './local.js' },
        dependencies: { 'meter-plugins': '1', '@acme/extra-storage': '2' },
      },
      packages: [
        { name: 'shared-helpers', template: 'shared-helpers' },
        { name: 'meter-plugins', template: 'meter-plugins' },
        { name: '@acme/extra-storage', template: '@acme/extra-storage' },
      ],
    });
    onTestFinished(() => p.remove());
    writeFileSync(join(p.dir, 'local.js'), 'export default class Local {}\n');
    const plugins = {
      memory: 'meter-plugins/storage:MemoryStorage',
      sqlite: '@acme/extra-storage/sqlite:SqliteStorage',
      local: 'host-app/local',
      gone: 'not-installed/x:Y',
    };

    const without = discoverIn(p.dir, plugins, false);
    const withFind = discoverIn(p.dir, plugins, true);
    // The child really ran without it, as every module sees it, and the other with it.
    expect(without.seen).toBe('undefined');
    expect(withFind.seen).toBe('function');
    expect(without.entryPoints.map((e) => [e.name, e.source.packageName])).toEqual([
      ['memory', 'meter-plugins'],
      ['sqlite', '@acme/extra-storage'],
      ['local', 'host-app'],
    ]);
    expect(without.entryPoints[2]?.source.root).toBe(p.dir);
    expect(without.problems).toEqual([
      {
        name: 'gone',
        message: `[meter.storage:gone] (discovery) package "not-installed" of "not-installed/x:Y" is not installed where the host can see it (${p.dir})`,
      },
    ]);
    expect(without).toEqual({ ...withFind, seen: 'undefined' });
  });
});
