import { describe, expect, expectTypeOf, it } from 'vitest';
import type { EntryPoint } from '../discovery/entry-point.ts';
import { allowList } from '../enabling/allow-list.ts';
import { denyList } from '../enabling/deny-list.ts';
import type { EnablingPolicy } from '../enabling/policy.ts';
import { predicate } from '../enabling/predicate.ts';
import { convention } from '../enforcement/convention.ts';
import {
  AmbiguousPluginError,
  NoMatchingPluginError,
  PluginUnavailableError,
} from '../errors/kinds.ts';
import { defineNamespace } from '../namespace.ts';
import { fakeEntries, fakeEntry, fakeImporter, fakeProblem, fakeSource } from '../testing/fakes.ts';
import { ExtensionSet } from './extension-set.ts';

interface Pollster {
  poll(): number[];
}

const names = ['cpu', 'memory', 'disk', 'network'];
const plugins = Object.fromEntries(names.map((n) => [`fake:${n}`, { poll: () => [n.length] }]));

function discover(policies: readonly EnablingPolicy[] = []) {
  const fake = fakeImporter(plugins);
  return {
    fake,
    set: ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource(fakeEntries(names))],
      importer: fake.importer,
      policies,
    }),
  };
}

describe('ExtensionSet.discover', () => {
  it('finds every declaration of its namespace and imports nothing', () => {
    const fake = fakeImporter(plugins);
    const other = fakeEntry('elsewhere', { namespace: 'other.ns' });
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource([...fakeEntries(['cpu', 'memory']), other])],
      importer: fake.importer,
    });
    expect(set.names()).toEqual(['cpu', 'memory']);
    expect(set.enabled().map((e) => e.name)).toEqual(['cpu', 'memory']);
    expect(set.ready()).toEqual([]);
    expect(fake.calls.size).toBe(0);
    expect(set.extensions[0]?.history).toEqual([
      {
        stage: 'discovery',
        by: 'fake-scan',
        outcome: 'passed',
        detail: 'declared "./cpu:default"',
      },
    ]);
  });

  it('keeps a refused declaration as a failed record, and an unnamed one as a problem', () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [
        fakeSource(fakeEntries(['cpu']), [
          fakeProblem('escaper', 'reference leaves the package'),
          fakeProblem(undefined, 'entryPoints is not an object'),
        ]),
      ],
    });
    const [escaper] = set.named('escaper');
    expect(escaper?.state).toMatchObject({ status: 'failed', stage: 'discovery' });
    expect(set.enabled().map((e) => e.name)).toEqual(['cpu']);
    expect(set.problems.map((p) => p.error.message)).toEqual([
      '[test.ns] (discovery) entryPoints is not an object',
    ]);
  });

  it('gives a refused declaration with no package or file the declaration itself as its source', () => {
    const problem = {
      ...fakeProblem('ghost', 'package "ghost" is not installed'),
      source: undefined,
    };
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource([], [{ ...problem, origin: 'host list, plugin "ghost"' }])],
    });
    const [ghost] = set.named('ghost');
    expect(ghost?.source).toEqual({
      kind: 'declaration',
      origin: 'host list, plugin "ghost"',
      via: 'fake-scan',
    });
    expect(ghost?.toJSON()).toMatchObject({
      source: 'host list, plugin "ghost"',
      status: 'failed',
    });
  });

  it('joins several sources in order', () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource(fakeEntries(['b'])), fakeSource(fakeEntries(['a']))],
    });
    expect(set.names()).toEqual(['b', 'a']);
  });
});

describe('ExtensionSet.discover: policies composed in order', () => {
  it('applies a deny list, then an allow list whose order wins', () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource(fakeEntries(names))],
      policies: [denyList(['disk']), allowList(['network', 'disk', 'cpu'])],
    });
    expect(set.enabled().map((e) => e.name)).toEqual(['network', 'cpu']);
    const disk = set.named('disk')[0];
    expect(disk?.state).toEqual({
      status: 'disabled',
      by: 'deny-list',
      reason: 'in the deny list',
    });
    expect(set.named('memory')[0]?.state).toMatchObject({ by: 'allow-list' });
  });

  it('reports names that match no plugin, with the closest, but not names a policy turned off', () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource(fakeEntries(names))],
      policies: [denyList(['dsk', 'disk']), allowList(['disk', 'netwrk', 'cpu'])],
    });
    expect(set.unmatched).toEqual([
      { policy: 'deny-list', name: 'dsk', closest: 'disk' },
      { policy: 'allow-list', name: 'netwrk', closest: 'network' },
    ]);
  });

  it('records every policy decision in the history', () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource(fakeEntries(['cpu', 'gpu']))],
      policies: [predicate('no-gpu', (e) => e.name !== 'gpu' || 'no GPU here'), allowList(['cpu'])],
    });
    expect(set.named('cpu')[0]?.history.map((h) => `${h.by}:${h.outcome}`)).toEqual([
      'fake-scan:passed',
      'no-gpu:passed',
      'allow-list:passed',
    ]);
    expect(set.named('gpu')[0]?.toJSON().reason).toBe('disabled by no-gpu: no GPU here');
  });
});

/** Entries that note their name each time a record is made from them (records read `source`). */
function countedEntries(entryNames: readonly string[]): { entries: EntryPoint[]; made: string[] } {
  const made: string[] = [];
  const entries = entryNames.map((name) => {
    const entry = fakeEntry(name);
    return {
      ...entry,
      get source() {
        made.push(name);
        return entry.source;
      },
    };
  });
  return { entries, made };
}

describe('ExtensionSet: records are made when first asked for', () => {
  it('makes only the named records for named(), and each record once', () => {
    const { entries, made } = countedEntries(names);
    const set = ExtensionSet.discover({ namespace: 'test.ns', sources: [fakeSource(entries)] });
    expect(set.names()).toEqual(names);
    expect(made).toEqual([]);
    const [disk] = set.named('disk');
    expect(made).toEqual(['disk']);
    expect(set.named('disk')[0]).toBe(disk);
    expect(set.extensions[2]).toBe(disk);
    expect(made).toEqual(['disk', 'cpu', 'memory', 'network']);
    expect(set.extensions).toBe(set.extensions);
  });

  it('gives a record made late the same story as one made at once', () => {
    const policies = [denyList(['disk']), allowList(['network', 'disk', 'cpu'])];
    const early = discover(policies).set;
    const all = early.report();
    const late = discover(policies).set;
    const memory = late.named('memory')[0];
    expect(memory?.toJSON()).toEqual(all[1]);
    expect(memory?.state).toEqual({
      status: 'disabled',
      by: 'allow-list',
      reason: 'not in the allow list',
    });
    expect(late.enabled().map((e) => e.name)).toEqual(['network', 'cpu']);
    expect(late.report()).toEqual(all);
  });

  it('lets every policy see every declaration, whichever record is asked for', () => {
    // A policy whose verdict on one plugin depends on the others.
    const firstTwo: EnablingPolicy = {
      name: 'first-two',
      select: (candidates) => ({
        enabled: candidates.slice(0, 2).map((c) => c.name),
        disabled: [],
      }),
    };
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource(fakeEntries(names))],
      policies: [firstTwo, allowList(['network', 'memory', 'gpu'])],
    });
    expect(set.named('network')[0]?.state).toEqual({
      status: 'disabled',
      by: 'first-two',
      reason: 'not selected',
    });
    expect(set.unmatched).toEqual([{ policy: 'allow-list', name: 'gpu', closest: 'cpu' }]);
    expect(set.named('cpu')[0]?.history.map((h) => `${h.by}:${h.outcome}`)).toEqual([
      'fake-scan:passed',
      'first-two:passed',
      'allow-list:disabled',
    ]);
  });
});

describe('ExtensionSet.claimant: who answers to a name', () => {
  const rival = fakeEntry('cpu', {
    source: {
      kind: 'package',
      packageName: 'rival',
      version: '2.0.0',
      root: '/rival',
      via: 'package-scan',
    },
    url: 'fake:rival-cpu',
  });

  it('is the one record of the name, and imports nothing', () => {
    const { fake, set } = discover();
    expect(set.claimant('cpu')).toBe(set.named('cpu')[0]);
    expect(fake.calls.size).toBe(0);
  });

  it('a name nobody declared is a NoMatchingPluginError with the nearest name', () => {
    const { set } = discover();
    expect(() => set.claimant('cpv')).toThrow(NoMatchingPluginError);
    expect(() => set.claimant('cpv')).toThrow('Did you mean "cpu"?');
  });

  it('two packages declaring the name is an AmbiguousPluginError naming both', () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource([fakeEntry('cpu'), rival])],
    });
    expect(() => set.claimant('cpu')).toThrow(AmbiguousPluginError);
    expect(() => set.claimant('cpu')).toThrow('fake-plugins@1.0.0, rival@2.0.0');
  });

  it('a declaration a source refused claims nothing: the accepted one answers', async () => {
    const fake = fakeImporter(plugins);
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [
        fakeSource(fakeEntries(['cpu'])),
        fakeSource([], [fakeProblem('cpu', 'reference leaves the package')]),
      ],
      importer: fake.importer,
    });
    const [accepted, refused] = set.named('cpu');
    expect(refused?.state.status).toBe('failed');
    expect(set.claimant('cpu')).toBe(accepted);
    await expect(set.load('cpu')).resolves.toBe(plugins['fake:cpu']);
  });

  it('with no enabled record, the first answers and its load says why', async () => {
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [fakeSource([fakeEntry('cpu'), rival])],
      policies: [denyList(['cpu'])],
    });
    const chosen = set.claimant('cpu');
    expect(chosen).toBe(set.named('cpu')[0]);
    await expect(chosen.load()).rejects.toThrow(PluginUnavailableError);
  });
});

describe('ExtensionSet.fromObjects', () => {
  it('builds a ready set from objects, without discovery or import', async () => {
    const cpu: Pollster = { poll: () => [1] };
    const set = ExtensionSet.fromObjects('test.ns', { cpu, disk: { poll: () => [2] } });
    expect(set.ready().map((e) => e.name)).toEqual(['cpu', 'disk']);
    await expect(set.load('cpu')).resolves.toBe(cpu);
    expect(set.named('cpu')[0]?.source).toEqual({ kind: 'object', via: 'in-memory' });
  });

  it('accepts pairs, keeping their order', () => {
    const set = ExtensionSet.fromObjects('test.ns', [
      ['b', 2],
      ['a', 1],
    ]);
    expect(set.names()).toEqual(['b', 'a']);
  });
});

describe('ExtensionSet.report', () => {
  it('is plain JSON describing every extension, whatever its state', async () => {
    const { set } = discover([denyList(['disk'])]);
    await set.loadAll();
    const report = JSON.parse(JSON.stringify(set.report()));
    expect(report).toEqual(set.report());
    expect(
      report.map((r: { name: string; status: string; loaded: boolean }) => [
        r.name,
        r.status,
        r.loaded,
      ]),
    ).toEqual([
      ['cpu', 'enabled', true],
      ['memory', 'enabled', true],
      ['disk', 'disabled', false],
      ['network', 'enabled', true],
    ]);
  });
});

describe('ExtensionSet: types', () => {
  it('flows the plugin type of a typed namespace to load()', () => {
    const meterPollster = defineNamespace<Pollster>('meter.pollster', {
      contract: convention<Pollster>({ members: { poll: 'function' } }),
    });
    const set = ExtensionSet.discover({ namespace: meterPollster, sources: [] });
    expectTypeOf(set).toEqualTypeOf<ExtensionSet<Pollster>>();
    expectTypeOf(set.load).returns.toEqualTypeOf<Promise<Pollster>>();
    expectTypeOf(set.loadAll)
      .returns.resolves.items.toHaveProperty('object')
      .toEqualTypeOf<Pollster>();
    expectTypeOf(ExtensionSet.fromObjects(meterPollster, {})).toEqualTypeOf<
      ExtensionSet<Pollster>
    >();
  });
});
