/**
 * End to end: a generated project, a package scan, an extension set, and a
 * real `import()` of a plugin file in the fake node_modules. The plugin module
 * counts its own evaluations on `globalThis`, which is what proves the two
 * promises of discovery: finding plugins imports nothing, and loading imports
 * each plugin once, however many callers ask and however they race.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { makeProject, type ProjectSpec } from '../../test-fixtures/make-project.ts';
import { ReferenceEscapeError } from '../errors/kinds.ts';
import { ExtensionSet } from '../extension/extension-set.ts';
import { catchSync } from '../invocation/test-calls.ts';
import { packageScan } from './package-scan.ts';

function project(spec: ProjectSpec) {
  const made = makeProject(spec);
  onTestFinished(() => made.remove());
  return made;
}

const counter = globalThis as { meterPluginsEvaluations?: number };
const evaluations = () => counter.meterPluginsEvaluations ?? 0;

interface Storage {
  write(batch: unknown[]): void;
  query(): unknown[];
}
type StorageClass = new (options: { url: string }) => Storage;

describe('discovery imports nothing; loading imports once', () => {
  it('finds, then loads a plugin from an installed package exactly once', async () => {
    const meter = { name: 'meter-plugins', template: 'meter-plugins' };
    const p = project({ host: { dependencies: { 'meter-plugins': '1' } }, packages: [meter] });
    const before = evaluations();

    const set = ExtensionSet.discover<StorageClass>({
      namespace: 'meter.storage',
      sources: [packageScan({ cwd: p.dir })],
    });
    expect(set.names()).toEqual(['memory']);
    expect(evaluations()).toBe(before);

    const [a, b] = await Promise.all([set.load('memory'), set.load('memory')]);
    const c = await set.load('memory');
    expect(evaluations()).toBe(before + 1);
    expect(a).toBe(b);
    expect(c).toBe(a);
    const storage = new a({ url: 'memory://' });
    storage.write([1, 2]);
    expect(storage.query()).toEqual([1, 2]);
    expect(set.named('memory')[0]?.toJSON()).toMatchObject({
      source: 'meter-plugins@1.0.0',
      status: 'enabled',
      loaded: true,
    });
  });

  it('loads the same way when the scan came from the cache', async () => {
    const meter = { name: 'meter-plugins', template: 'meter-plugins' };
    const p = project({ host: { dependencies: { 'meter-plugins': '1' } }, packages: [meter] });
    packageScan({ cwd: p.dir }).discover();
    const source = packageScan({ cwd: p.dir });
    const set = ExtensionSet.discover({ namespace: 'meter.pollster', sources: [source] });
    expect(source.lastScan?.fromCache).toBe(true);
    expect(await set.load('cpu')).toMatchObject({ meters: ['cpu'] });
  });
});

describe('a refused plugin fails alone', () => {
  it('records escapes as failed at discovery and still loads the good plugin', async () => {
    const p = project({ host: { dependencies: { 'escaping-plugins': '0' } } });
    writeFileSync(join(p.root, 'outside.js'), 'export const Outside = {};\n');
    p.install({
      name: 'escaping-plugins',
      template: 'escaping-plugins',
      links: { 'linked.js': join(p.root, 'outside.js') },
    });
    const set = ExtensionSet.discover({
      namespace: 'meter.storage',
      sources: [packageScan({ cwd: p.dir, cache: false })],
    });

    const parent = set.named('parent')[0];
    expect(parent?.state).toMatchObject({ status: 'failed', stage: 'discovery' });
    expect(parent?.lastError).toBeInstanceOf(ReferenceEscapeError);

    // Statically fine, but its module is a symlink out of the package: refused at load.
    await expect(set.load('linked')).rejects.toBeInstanceOf(ReferenceEscapeError);
    const linked = set.named('linked')[0];
    expect(linked?.state).toMatchObject({ status: 'failed', stage: 'discovery' });
    // Asked again (by a report, by `explain`), the target fails with the same error.
    const refusal = linked?.state.status === 'failed' ? linked.state.error : undefined;
    expect(catchSync(() => linked?.target)).toBe(refusal);

    const ready = await set.loadAll();
    expect(ready.map((e) => e.name)).toEqual(['good']);
  });
});
