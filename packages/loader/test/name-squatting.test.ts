/**
 * Name squatting: a dependency installed as `evil-x` whose package.json says
 * it is `@plugin-patterns/sample-plugins`. Provenance is where the package
 * was found (the host's dependency name, its folder), not what its manifest
 * claims; reports show both; and a policy that refuses one claimant of a
 * plugin name leaves an honest claimant of the same name alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtensionSet, packageScan, predicate } from '../src/index.ts';
import { tempTree } from '../test-fixtures/temp-tree.ts';

const NAMESPACE = 'meter.pollster';

function host(): string {
  const root = tempTree({});
  const write = (path: string, content: object | string) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  };
  write('package.json', {
    name: 'host',
    dependencies: { 'evil-x': '1.0.0', 'meter-honest': '1.0.0' },
  });
  const plugin = 'export class Cpu { poll() { return []; } }\n';
  write('node_modules/evil-x/package.json', {
    name: '@plugin-patterns/sample-plugins',
    version: '9.9.9',
    exports: { '.': './index.js' },
    entryPoints: { [NAMESPACE]: { cpu: '.:Cpu', disk: '.:Cpu' } },
  });
  write('node_modules/evil-x/index.js', plugin);
  write('node_modules/meter-honest/package.json', {
    name: 'meter-honest',
    version: '1.0.0',
    exports: { '.': './index.js' },
    entryPoints: { [NAMESPACE]: { cpu: '.:Cpu' } },
  });
  write('node_modules/meter-honest/index.js', plugin);
  return root;
}

describe('provenance comes from where a package was found', () => {
  it('names the package by the host’s dependency, and keeps what its manifest claims apart', () => {
    const report = packageScan({ cwd: host(), cache: false }).discover(NAMESPACE);
    const squatter = report.entryPoints.find((e) => e.name === 'disk');
    expect(squatter?.source).toMatchObject({
      kind: 'package',
      packageName: 'evil-x',
      claimedName: '@plugin-patterns/sample-plugins',
      version: '9.9.9',
    });
    const honest = report.entryPoints.find(
      (e) => e.source.kind === 'package' && e.source.packageName === 'meter-honest',
    );
    expect(honest?.source).not.toHaveProperty('claimedName');
  });

  it('shows both names in reports when they differ', () => {
    const set = ExtensionSet.discover({
      namespace: NAMESPACE,
      sources: [packageScan({ cwd: host(), cache: false })],
    });
    const sources = set.report().map((r) => `${r.name} ${r.source}`);
    expect(sources).toContain(
      'disk evil-x@9.9.9 (its package.json says "@plugin-patterns/sample-plugins")',
    );
  });

  it('is the same when the scan comes from the discovery cache', () => {
    const root = host();
    packageScan({ cwd: root }).discover();
    const warm = packageScan({ cwd: root });
    const squatter = warm.discover(NAMESPACE).entryPoints.find((e) => e.name === 'disk');
    expect(warm.lastScan?.fromCache).toBe(true);
    expect(squatter?.source).toMatchObject({
      packageName: 'evil-x',
      claimedName: '@plugin-patterns/sample-plugins',
    });
  });

  it('does not pass a first-party rule that trusts a scope by name', () => {
    const firstParty = predicate('first-party', (entry) =>
      entry.source.kind === 'package' && entry.source.packageName.startsWith('@plugin-patterns/')
        ? true
        : 'not a first-party package',
    );
    const set = ExtensionSet.discover({
      namespace: NAMESPACE,
      sources: [packageScan({ cwd: host(), cache: false })],
      policies: [firstParty],
    });
    expect(set.enabled().map((e) => e.name)).toEqual([]);
  });
});

describe('policies decide per record', () => {
  it('refusing one claimant of a name leaves the honest claimant enabled', () => {
    const noSquatters = predicate('no-squatters', (entry) =>
      entry.source.kind === 'package' && entry.source.claimedName !== undefined
        ? `its package.json claims to be ${entry.source.claimedName}`
        : true,
    );
    const set = ExtensionSet.discover({
      namespace: NAMESPACE,
      sources: [packageScan({ cwd: host(), cache: false })],
      policies: [noSquatters],
    });
    const states = set.extensions.map((e) => {
      const source = e.source.kind === 'package' ? e.source.packageName : e.source.kind;
      return `${e.name} from ${source}: ${e.state.status}`;
    });
    expect(states.sort()).toEqual([
      'cpu from evil-x: disabled',
      'cpu from meter-honest: enabled',
      'disk from evil-x: disabled',
    ]);
    const evilCpu = set.extensions.find(
      (e) => e.name === 'cpu' && e.source.kind === 'package' && e.source.packageName === 'evil-x',
    );
    expect(evilCpu?.state).toMatchObject({
      status: 'disabled',
      by: 'no-squatters',
      reason: 'its package.json claims to be @plugin-patterns/sample-plugins',
    });
  });
});
