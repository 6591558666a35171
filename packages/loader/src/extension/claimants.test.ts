import { describe, expect, it } from 'vitest';
import type { EntryPoint, PluginSource } from '../discovery/entry-point.ts';
import { AmbiguousPluginError } from '../errors/kinds.ts';
import { FAKE_SOURCE, fakeEntry, fakeImporter, fakeSource } from '../testing/fakes.ts';
import { type Claimant, labelClaimants, setAsideRepeats } from './claimants.ts';
import { Extension } from './extension.ts';
import { ExtensionSet } from './extension-set.ts';

/** The records of `cpu` in a set read from these sources, in discovery order. */
function claimsOf(...sources: EntryPoint[][]): Extension<unknown>[] {
  const set = ExtensionSet.discover({
    namespace: 'test.ns',
    sources: sources.map((entries) => fakeSource(entries)),
  });
  return set.named('cpu');
}

/** The distinct claimants among `claims`: the records the set left enabled, labelled. */
function distinctClaimants(claims: readonly Extension<unknown>[]): Claimant<unknown>[] {
  return labelClaimants(claims.filter((e) => e.isEnabled));
}

const copyAt = (root: string): PluginSource => ({ ...FAKE_SOURCE, root }) as PluginSource;

describe('claimants: one declaration found twice is one claimant', () => {
  it('the same export of the same package, from two sources: one claimant, the first record', () => {
    const claims = claimsOf([fakeEntry('cpu')], [fakeEntry('cpu')]);
    expect(claims).toHaveLength(2);
    const claimants = distinctClaimants(claims);
    expect(claimants).toHaveLength(1);
    expect(claimants[0]?.extension).toBe(claims[0]);
    expect(claimants[0]?.label).toBe('fake-plugins@1.0.0');
  });

  it('compares where the name points, not how the reference is written', () => {
    // A scan reads `./cpu:default` from the manifest; a host list writes the package's name.
    const listed = { ...fakeEntry('cpu'), reference: 'fake-plugins/cpu:default' };
    const lazy = {
      ...fakeEntry('cpu'),
      target: () => ({ url: 'fake:cpu', exportName: 'default' }),
    };
    expect(distinctClaimants(claimsOf([fakeEntry('cpu')], [listed], [lazy]))).toHaveLength(1);
  });

  it('one record is one claimant', () => {
    const [only] = distinctClaimants(claimsOf([fakeEntry('cpu')]));
    expect(only?.label).toBe('fake-plugins@1.0.0');
  });
});

describe('claimants: different places are a conflict, labelled apart', () => {
  it('two packages: each named by package@version', () => {
    const rival = { ...copyAt('/rival'), packageName: 'rival', version: '2.0.0' } as PluginSource;
    const claimants = distinctClaimants(
      claimsOf([fakeEntry('cpu')], [fakeEntry('cpu', { source: rival })]),
    );
    expect(claimants.map((c) => c.label)).toEqual(['fake-plugins@1.0.0', 'rival@2.0.0']);
  });

  it('two copies of one package@version in different folders: the labels show the folders', () => {
    const claims = claimsOf(
      [fakeEntry('cpu', { source: copyAt('/app/node_modules/fake-plugins') })],
      [fakeEntry('cpu', { source: copyAt('/app/node_modules/b/node_modules/fake-plugins') })],
    );
    expect(distinctClaimants(claims).map((c) => c.label)).toEqual([
      'fake-plugins@1.0.0 (/app/node_modules/fake-plugins)',
      'fake-plugins@1.0.0 (/app/node_modules/b/node_modules/fake-plugins)',
    ]);
  });

  it('one package, two sources pointing the name at different exports: the labels show the references', () => {
    const other = { ...fakeEntry('cpu', { url: 'fake:cpu2' }), reference: './cpu2:default' };
    const claimants = distinctClaimants(claimsOf([fakeEntry('cpu')], [other]));
    expect(claimants.map((c) => c.label)).toEqual([
      'fake-plugins@1.0.0 (./cpu:default)',
      'fake-plugins@1.0.0 (./cpu2:default)',
    ]);
  });

  it('two objects handed in under one name are two claimants', () => {
    const a = Extension.preloaded('test.ns', 'cpu', { n: 1 });
    const b = Extension.preloaded('test.ns', 'cpu', { n: 2 });
    setAsideRepeats([a, b]);
    expect([a.isEnabled, b.isEnabled]).toEqual([true, true]);
    expect(distinctClaimants([a, b]).map((c) => c.extension)).toEqual([a, b]);
  });
});

describe('the set makes each plugin once, whatever its name', () => {
  it('turns off the later records of a claimant found twice, and keeps the order', () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [
        fakeSource([fakeEntry('cpu'), fakeEntry('disk')]),
        fakeSource([fakeEntry('net'), fakeEntry('cpu', { source: copyAt('/other') })]),
        fakeSource([fakeEntry('disk')]),
      ],
    });
    const [cpu, disk, net, otherCpu, diskAgain] = set.extensions;
    expect(set.enabled()).toEqual([cpu, disk, net, otherCpu]);
    expect(diskAgain?.state).toMatchObject({ status: 'disabled', by: 'found-twice' });
  });

  it('sets a repeat aside even when only that record is asked for', () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource([fakeEntry('cpu')]), fakeSource([fakeEntry('cpu')])],
    });
    const [, repeat] = set.named('cpu');
    expect(repeat?.state).toMatchObject({ status: 'disabled', by: 'found-twice' });
    expect(set.extensions[1]).toBe(repeat);
  });

  it('leaves records of names found once as they are', () => {
    const set = ExtensionSet.fromObjects('test.ns', { a: 1, b: 2 });
    expect(set.enabled()).toEqual(set.extensions);
  });
});

describe('ExtensionSet.load uses the same rule', () => {
  it('loads a package found by two sources, once, from its first record', async () => {
    const fake = fakeImporter({ 'fake:cpu': { poll: () => [1] } });
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource([fakeEntry('cpu')]), fakeSource([fakeEntry('cpu')])],
      importer: fake.importer,
    });
    await expect(set.load('cpu')).resolves.toMatchObject({ poll: expect.any(Function) });
    expect(fake.calls.get('fake:cpu')).toBe(1);
    expect(set.extensions.map((e) => e.isReady)).toEqual([true, false]);
    expect(set.extensions.map((e) => e.state.status)).toEqual(['enabled', 'disabled']);
  });

  it('loadAll integrates a package found by two sources once, not once per source', async () => {
    const fake = fakeImporter({ 'fake:cpu': { poll: () => [1] } });
    let integrated = 0;
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource([fakeEntry('cpu')]), fakeSource([fakeEntry('cpu')])],
      importer: fake.importer,
      // Stands for construct() or setup(host): what must not happen twice.
      integration: {
        name: 'counted',
        integrate: (exported) => {
          integrated++;
          return exported;
        },
      },
    });
    const ready = await set.loadAll();
    expect(integrated).toBe(1);
    expect(ready).toEqual([set.extensions[0]]);
    expect(set.extensions.map((e) => e.isReady)).toEqual([true, false]);
    // The repeat says why it is not running, and which record is.
    expect(set.extensions[1]?.state).toEqual({
      status: 'disabled',
      by: 'found-twice',
      reason:
        'the same plugin as the record found by package-scan (fake-plugins@1.0.0), which is the one used',
    });
  });

  it('loadAll sets aside each repeat naming its own first record, whatever its name', async () => {
    const listed = (root: string): PluginSource =>
      ({ ...copyAt(root), via: 'reference-list' }) as PluginSource;
    const fake = fakeImporter({
      'fake:cpu': { poll: () => [1] },
      'fake:disk': { poll: () => [2] },
    });
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [
        fakeSource([fakeEntry('cpu'), fakeEntry('disk', { source: listed('/fake') })]),
        fakeSource([fakeEntry('disk'), fakeEntry('cpu', { source: listed('/fake') })]),
      ],
      importer: fake.importer,
    });
    await set.loadAll();
    expect(set.extensions.map((e) => e.isReady)).toEqual([true, true, false, false]);
    const reasons = set.extensions.map((e) =>
      e.state.status === 'disabled' ? e.state.reason : '',
    );
    expect(reasons.slice(2)).toEqual([
      'the same plugin as the record found by reference-list (fake-plugins@1.0.0), which is the one used',
      'the same plugin as the record found by package-scan (fake-plugins@1.0.0), which is the one used',
    ]);
  });

  it('sets the repeat aside before judging a conflict: two claimants, not three', async () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [
        fakeSource([fakeEntry('cpu', { source: copyAt('/one') })]),
        fakeSource([fakeEntry('cpu', { source: copyAt('/two') })]),
        fakeSource([fakeEntry('cpu', { source: copyAt('/one') })]),
      ],
    });
    const error = await set.load('cpu').catch((e: unknown) => e);
    expect((error as AmbiguousPluginError).claimants).toEqual([
      'fake-plugins@1.0.0 (/one)',
      'fake-plugins@1.0.0 (/two)',
    ]);
    expect(set.extensions.map((e) => e.state.status)).toEqual(['enabled', 'enabled', 'disabled']);
  });

  it('still refuses two copies, naming both folders', async () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [
        fakeSource([fakeEntry('cpu', { source: copyAt('/one') })]),
        fakeSource([fakeEntry('cpu', { source: copyAt('/two') })]),
      ],
    });
    const error = await set.load('cpu').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousPluginError);
    expect((error as AmbiguousPluginError).claimants).toEqual([
      'fake-plugins@1.0.0 (/one)',
      'fake-plugins@1.0.0 (/two)',
    ]);
  });
});
