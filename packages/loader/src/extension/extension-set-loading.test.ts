import { describe, expect, it } from 'vitest';
import type { EntryPoint } from '../discovery/entry-point.ts';
import { selfCheck } from '../enabling/self-check.ts';
import type { Contract } from '../enforcement/contract.ts';
import { convention } from '../enforcement/convention.ts';
import {
  AmbiguousPluginError,
  ContractViolationError,
  DiscoveryError,
  NoMatchingPluginError,
  PluginImportError,
  PluginIntegrationError,
  PluginUnavailableError,
} from '../errors/kinds.ts';
import { PluginError } from '../errors/plugin-error.ts';
import { construct } from '../integration/construct.ts';
import {
  BrokenModule,
  fakeEntries,
  fakeEntry,
  fakeImporter,
  fakeSource,
} from '../testing/fakes.ts';
import { ExtensionSet, type ExtensionSetOptions } from './extension-set.ts';

interface Pollster {
  poll(): number[];
}

class Good {
  poll(): number[] {
    return [1];
  }
}

function setOf(
  exports: Record<string, unknown>,
  options: Partial<ExtensionSetOptions<Pollster>> & { entries?: EntryPoint[] } = {},
) {
  const fake = fakeImporter(exports);
  const names = Object.keys(exports).map((url) => url.slice('fake:'.length));
  const set = ExtensionSet.discover<Pollster>({
    namespace: 'test.ns',
    sources: [fakeSource(options.entries ?? fakeEntries(names))],
    importer: fake.importer,
    integration: construct<Pollster>(),
    contract: convention<Pollster>({ name: 'Pollster', members: { poll: 'function' } }),
    ...options,
  });
  return { set, fake };
}

describe('load: once per extension', () => {
  it('imports on first use only, and concurrent loads share one import', async () => {
    const { set, fake } = setOf({ 'fake:cpu': Good });
    const [a, b, c] = await Promise.all([set.load('cpu'), set.load('cpu'), set.loadAll()]);
    await set.load('cpu');
    expect(fake.calls.get('fake:cpu')).toBe(1);
    expect(a).toBeInstanceOf(Good);
    expect(b).toBe(a);
    expect(c.map((e) => e.object)).toEqual([a]);
  });

  it('names the closest plugin when asked for one that does not exist', async () => {
    const { set } = setOf({ 'fake:cpu': Good, 'fake:disk': Good });
    const error = await set.load('dsk').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoMatchingPluginError);
    expect(error).toMatchObject({ available: ['cpu', 'disk'], closest: 'disk' });
  });
});

describe('load: one name, several claimants', () => {
  const twins = [fakeEntry('cpu'), { ...fakeEntry('cpu', { url: 'fake:cpu2' }), reference: './b' }];

  it('refuses to pick one silently', async () => {
    const { set, fake } = setOf({ 'fake:cpu': Good, 'fake:cpu2': Good }, { entries: twins });
    const error = await set.load('cpu').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousPluginError);
    expect((error as AmbiguousPluginError).claimants).toEqual([
      'fake-plugins@1.0.0 (./cpu:default)',
      'fake-plugins@1.0.0 (./b)',
    ]);
    expect(fake.calls.size).toBe(0);
  });

  it('loads the one claimant that is still enabled', async () => {
    const { set } = setOf({ 'fake:cpu': Good, 'fake:cpu2': Good }, { entries: twins });
    set.extensions[0]?.disable('operator', 'the old copy');
    await expect(set.load('cpu')).resolves.toBeInstanceOf(Good);
    expect(set.extensions[1]?.isReady).toBe(true);
  });
});

describe('loadAll: each failure kind is recorded while the others load', () => {
  const throwingTarget: EntryPoint = {
    ...fakeEntry('unresolvable'),
    target: () => {
      throw new DiscoveryError('cannot resolve "./gone"', {
        namespace: 'test.ns',
        name: 'unresolvable',
      });
    },
  };
  const exports = {
    'fake:good': Good,
    'fake:broken-import': new BrokenModule('SyntaxError: Unexpected token'),
    'fake:throws-in-constructor': class {
      constructor() {
        throw new Error('no /proc');
      }
    },
    'fake:wrong-shape': class {
      run(): void {}
    },
  };
  const entries = [...fakeEntries(Object.keys(exports).map((u) => u.slice(5))), throwingTarget];

  it('fails each at its own stage, with its own error type', async () => {
    const { set } = setOf(exports, { entries });
    const ready = await set.loadAll();
    expect(ready.map((e) => e.name)).toEqual(['good']);
    const failures = set.extensions
      .filter((e) => e.state.status === 'failed')
      .map((e) =>
        e.state.status === 'failed' ? [e.name, e.state.stage, e.state.error.constructor] : [],
      );
    expect(failures).toEqual([
      ['broken-import', 'import', PluginImportError],
      ['throws-in-constructor', 'integration', PluginIntegrationError],
      ['wrong-shape', 'enforcement', ContractViolationError],
      ['unresolvable', 'discovery', DiscoveryError],
    ]);
  });

  it("records a plugin's self-check as disabled, not failed, and never asks again", async () => {
    let asked = 0;
    class NoGpu extends Good {
      checkAvailability() {
        asked += 1;
        return { available: false, reason: 'no GPU' };
      }
    }
    const { set } = setOf({ 'fake:good': Good, 'fake:gpu': NoGpu }, { policies: [selfCheck()] });
    expect((await set.loadAll()).map((e) => e.name)).toEqual(['good']);
    await set.loadAll();
    await expect(set.load('gpu')).rejects.toThrow(PluginUnavailableError);
    expect(set.named('gpu')[0]?.state).toEqual({
      status: 'disabled',
      by: 'self-check',
      reason: 'no GPU',
    });
    expect(asked).toBe(1);
  });

  it('blames enforcement when a contract check itself throws', async () => {
    const exploding: Contract<Pollster> = {
      name: 'exploding',
      check() {
        throw new Error('validator bug');
      },
    };
    const { set } = setOf({ 'fake:good': Good }, { contract: exploding });
    const error = await set.load('good').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect(error).toMatchObject({ stage: 'enforcement' });
    expect((error as Error).message).toContain('the exploding check threw: validator bug');
  });
});

describe('loadAll: onLoadFailure', () => {
  const exports = { 'fake:good': Good, 'fake:bad': new BrokenModule('gone') };

  it('records by default: loadAll resolves with the plugins that loaded', async () => {
    const { set } = setOf(exports);
    await expect(set.loadAll()).resolves.toHaveLength(1);
    expect(set.named('bad')[0]?.state.status).toBe('failed');
  });

  it('raises on request, with the failed plugin’s own error, after every load has settled', async () => {
    const { set } = setOf(exports, { onLoadFailure: 'raise' });
    const error = await set.loadAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginImportError);
    expect(error).toMatchObject({ plugin: 'bad', stage: 'import' });
    expect(set.named('good')[0]?.isReady).toBe(true);
  });

  it('does not raise for a plugin that disabled itself', async () => {
    const unavailable = class extends Good {
      checkAvailability() {
        return { available: false, reason: 'absent' };
      }
    };
    const { set } = setOf(
      { 'fake:good': Good, 'fake:absent': unavailable },
      { onLoadFailure: 'raise', policies: [selfCheck()] },
    );
    await expect(set.loadAll()).resolves.toHaveLength(1);
  });
});

describe('load: the integration is handed the record', () => {
  it('gets the extension it integrates for, to write what happens to the object later', async () => {
    const seen: unknown[] = [];
    const { set } = setOf(
      { 'fake:a': Good },
      {
        integration: {
          name: 'remembers',
          integrate(exported, context) {
            seen.push(context.record);
            return new (exported as typeof Good)();
          },
        },
      },
    );
    const [loaded] = await set.loadAll();
    expect(loaded).toBeDefined();
    expect(seen).toEqual([set.extensions[0]]);
  });
});
