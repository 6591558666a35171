/**
 * What a host reaches for on a set beyond loading it all: `has(name)`,
 * iterating over its records, loading only some names, and an after-load
 * check that sees the record as well as the object.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loggedHost } from '../../test-fixtures/evaluation-log.ts';
import type { EntryPoint } from '../discovery/entry-point.ts';
import type { EnablingPolicy } from '../enabling/policy.ts';
import { fakeEntries, fakeImporter, fakeSource } from '../testing/fakes.ts';
import { ExtensionSet } from './extension-set.ts';

const namespace = 'test.narrow';
const hosts: { remove(): void }[] = [];
afterAll(() => {
  for (const host of hosts) host.remove();
});

function twoPackages() {
  const host = loggedHost(namespace, {
    'alpha-plugins': ['hello', 'cpu', 'disk'],
    'beta-plugins': ['hello', 'net'],
  });
  hosts.push(host);
  return { host, set: ExtensionSet.discover({ namespace, sources: host.sources }) };
}

describe('ExtensionSet.has', () => {
  it('answers whether anything is declared under a name, enabled or not, without importing', () => {
    const { host, set } = twoPackages();
    expect(set.has('cpu')).toBe(true);
    expect(set.has('hello')).toBe(true);
    expect(set.has('gpu')).toBe(false);
    expect(host.evaluated()).toEqual([]);
  });
});

describe('iterating over a set', () => {
  it('gives every record, in discovery order, whatever its state', () => {
    const set = ExtensionSet.fromObjects('test.ns', { a: 1, b: 2, c: 3 });
    const seen: string[] = [];
    for (const extension of set) seen.push(extension.name);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect([...set]).toEqual(set.extensions);
  });
});

describe('ExtensionSet.loadNamed imports only the plugins named', () => {
  it('evaluates the modules of those names and of no other', async () => {
    const { host, set } = twoPackages();
    const ready = await set.loadNamed(['hello']);
    expect(
      ready.map((e) => `${e.name} from ${e.source.kind === 'package' ? e.source.packageName : ''}`),
    ).toEqual(['hello from alpha-plugins', 'hello from beta-plugins']);
    expect(host.evaluated().sort()).toEqual(['alpha-plugins/hello', 'beta-plugins/hello']);
    // The others were never imported: nothing to report against them but "not loaded yet".
    for (const extension of set.named('cpu')) expect(extension.isReady).toBe(false);
    expect(set.report().filter((r) => r.status === 'failed')).toEqual([]);
    expect(
      set
        .report()
        .filter((r) => r.loaded)
        .map((r) => r.name),
    ).toEqual(['hello', 'hello']);
  });

  it('loads nothing for a name nothing declares (a hook nobody hooks)', async () => {
    const { host, set } = twoPackages();
    expect(await set.loadNamed(['gpu'])).toEqual([]);
    expect(host.evaluated()).toEqual([]);
  });

  it('loads nothing twice, and loadAll later loads the rest', async () => {
    const { host, set } = twoPackages();
    await set.loadNamed(['cpu']);
    await set.loadNamed(['cpu', 'disk']);
    expect(host.evaluated()).toEqual(['alpha-plugins/cpu', 'alpha-plugins/disk']);
    await set.loadAll();
    expect(host.evaluated()).toHaveLength(5);
  });
});

describe('an after-load check sees the record, not only the object', () => {
  it('is handed the plugin record (name, reference, source) with the loaded object', async () => {
    const seen: { name: string; source: string; object: unknown }[] = [];
    const vendorOnly: EnablingPolicy = {
      name: 'vendor-check',
      select: (candidates) => ({ enabled: candidates.map((c) => c.name), disabled: [] }),
      afterLoad(object, plugin: EntryPoint) {
        seen.push({ name: plugin.name, source: plugin.source.kind, object });
        return plugin.name === 'b'
          ? { available: false, reason: `${plugin.reference} is not from the vendor` }
          : { available: true };
      },
    };
    const { importer } = fakeImporter({ 'fake:a': { id: 'A' }, 'fake:b': { id: 'B' } });
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource(fakeEntries(['a', 'b']))],
      policies: [vendorOnly],
      importer,
    });
    const ready = await set.loadAll();
    expect(ready.map((e) => e.name)).toEqual(['a']);
    expect(seen).toEqual([
      { name: 'a', source: 'package', object: { id: 'A' } },
      { name: 'b', source: 'package', object: { id: 'B' } },
    ]);
    expect(set.named('b')[0]?.state).toMatchObject({
      status: 'disabled',
      by: 'vendor-check',
      reason: './b:default is not from the vendor',
    });
  });
});
