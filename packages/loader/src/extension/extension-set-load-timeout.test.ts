import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { selfCheck } from '../enabling/self-check.ts';
import type { Contract } from '../enforcement/contract.ts';
import { PluginTimeoutError } from '../errors/kinds.ts';
import type { Importer } from '../importing/importer.ts';
import type { Integration } from '../integration/integration.ts';
import { fakeEntries, fakeImporter, fakeSource } from '../testing/fakes.ts';
import { ExtensionSet } from './extension-set.ts';

const never = (): Promise<never> => new Promise<never>(() => {});

/** Five plugins: four get stuck at a different load stage, one is fine. */
function stuckSet(loadTimeoutMs: number | undefined) {
  const names = ['hangs-import', 'hangs-construct', 'hangs-contract', 'hangs-check', 'fine'];
  const served = fakeImporter(
    Object.fromEntries(names.map((name) => [`fake:${name}`, { name, checkAvailability }])),
  );
  function checkAvailability(this: { name: string }) {
    return this.name === 'hangs-check' ? never() : { available: true as const };
  }
  const importer: Importer = (target, who) =>
    who.name === 'hangs-import' ? never() : served.importer(target, who);
  const integration: Integration<{ name: string }> = {
    name: 'construct',
    integrate: (exported) => {
      const plugin = exported as { name: string };
      return plugin.name === 'hangs-construct' ? never() : plugin;
    },
  };
  const contract: Contract<{ name: string }> = {
    name: 'Named',
    check: (value) => {
      const plugin = value as { name: string };
      return plugin.name === 'hangs-contract' ? never() : { ok: true, value: plugin };
    },
  };
  return ExtensionSet.discover({
    namespace: 'test.ns',
    sources: [fakeSource(fakeEntries(names))],
    importer,
    integration,
    contract,
    policies: [selfCheck()],
    ...(loadTimeoutMs === undefined ? {} : { loadTimeoutMs }),
  });
}

describe('ExtensionSet: loadTimeoutMs', () => {
  it('fails each stuck plugin at the stage it was stuck at, and loads the others', async () => {
    const set = stuckSet(40);
    const ready = await set.loadAll();
    expect(ready.map((e) => e.name)).toEqual(['fine']);
    const stuck = Object.fromEntries(
      set.extensions
        .filter((e) => e.state.status === 'failed')
        .map((e) => [e.name, e.state.status === 'failed' ? e.state.error : undefined]),
    );
    expect(Object.keys(stuck)).toEqual([
      'hangs-import',
      'hangs-construct',
      'hangs-contract',
      'hangs-check',
    ]);
    for (const error of Object.values(stuck)) expect(error).toBeInstanceOf(PluginTimeoutError);
    expect(Object.values(stuck).map((e) => e?.stage)).toEqual([
      'import',
      'integration',
      'enforcement',
      'enabling',
    ]);
    expect(stuck['hangs-check']?.message).toBe(
      '[test.ns:hangs-check] (enabling) loading (at the enabling stage) did not settle within 40 ms',
    );
    const history = set.named('hangs-construct')[0]?.history.at(-1);
    expect(history).toMatchObject({ stage: 'integration', by: 'time limit', outcome: 'failed' });
  });

  it('gives every later load() the same timeout error, without loading again', async () => {
    const set = stuckSet(20);
    const first = await set.load('hangs-import').catch((error: unknown) => error);
    const second = await set.load('hangs-import').catch((error: unknown) => error);
    expect(first).toBeInstanceOf(PluginTimeoutError);
    expect(second).toBe(first);
  });

  it('refuses a limit that is not a positive number', () => {
    expect(() => stuckSet(0)).toThrow(RangeError);
    expect(() => stuckSet(Number.NaN)).toThrow(RangeError);
    // Infinity, or anything longer than a timer can keep, would fire after 1 ms.
    expect(() => stuckSet(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => stuckSet(2 ** 31)).toThrow(RangeError);
  });

  it('ends the wait for a real module whose top-level await never settles', async () => {
    const folder = tempTree({ 'stuck.mjs': 'await new Promise(() => {});\nexport default 1;\n' });
    const file = join(folder, 'stuck.mjs');
    const set = ExtensionSet.discover({
      namespace: 'test.ns',
      sources: [
        fakeSource([
          {
            namespace: 'test.ns',
            name: 'stuck',
            reference: 'stuck.mjs',
            source: { kind: 'file', path: file, via: 'file-list' },
            target: { url: pathToFileURL(file).href, exportName: 'default' },
          },
        ]),
      ],
      loadTimeoutMs: 50,
    });
    const error = await set.load('stuck').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PluginTimeoutError);
    expect((error as PluginTimeoutError).stage).toBe('import');
  });
});
