/**
 * A package.json that vanishes mid-scan: the scan has found the package (Node
 * located its manifest) and, before it reads the file, an install in another
 * terminal removes it. Made deterministic by a hook in `node:fs`: opening the
 * victim's manifest first deletes it, so the race is lost every time, at
 * exactly that point. The scan must report that package and go on.
 */
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DiscoveryError, ExtensionSet, packageScan } from '../src/index.ts';
import { makeProject } from '../test-fixtures/make-project.ts';

/** The manifest that disappears the moment the scan opens it. */
const race = vi.hoisted(() => ({ victim: undefined as string | undefined, lost: 0 }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((...args: Parameters<typeof fs.openSync>) => {
    if (args[0] === race.victim) {
      fs.rmSync(args[0]);
      race.victim = undefined;
      race.lost++;
    }
    return fs.openSync(...args);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

const NAMESPACE = 'lab.pollster';

function pluginPackage(name: string) {
  return {
    name,
    manifest: {
      type: 'module',
      exports: { './plugin': './plugin.js' },
      entryPoints: { [NAMESPACE]: { [`${name}-cpu`]: './plugin:Plugin' } },
    },
    files: { 'plugin.js': 'export class Plugin {}\n' },
  };
}

describe('a package.json that vanishes between being found and being read', () => {
  it('is reported as removed during the scan; the packages around it are still found', async () => {
    const made = makeProject({
      host: {
        dependencies: { 'first-plugins': '1.0.0', vanishing: '1.0.0', 'last-plugins': '1.0.0' },
      },
      packages: [
        pluginPackage('first-plugins'),
        pluginPackage('vanishing'),
        pluginPackage('last-plugins'),
      ],
    });
    onTestFinished(() => made.remove());
    const manifest = join(made.dir, 'node_modules', 'vanishing', 'package.json');
    race.victim = manifest;

    const source = packageScan({ cwd: made.dir, cache: false });
    const report = source.discover(NAMESPACE);
    expect(race.lost).toBe(1);
    expect(report.entryPoints.map((e) => e.name)).toEqual([
      'first-plugins-cpu',
      'last-plugins-cpu',
    ]);
    expect(report.problems).toHaveLength(1);
    const [problem] = report.problems;
    expect(problem?.error).toBeInstanceOf(DiscoveryError);
    expect(problem?.origin).toBe(manifest);
    expect(problem?.error.message).toBe(
      `[${NAMESPACE}] (discovery) package "vanishing" is unusable: cannot read ${manifest}: it does not exist (removed during the scan, or a broken link)`,
    );

    const set = ExtensionSet.discover({ namespace: NAMESPACE, sources: [source] });
    expect((await set.loadAll()).map((e) => e.name)).toEqual([
      'first-plugins-cpu',
      'last-plugins-cpu',
    ]);
  });
});
