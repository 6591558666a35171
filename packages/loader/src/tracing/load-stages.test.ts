/**
 * The loader's stages, published: an extension set's discovery, then each
 * plugin's import, integration and enforcement, with the failing stage
 * marked. Plugins come from an in-memory source and importer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DiscoverySource, EntryPoint, PluginSource } from '../discovery/entry-point.ts';
import { convention } from '../enforcement/convention.ts';
import { ExtensionSet } from '../extension/extension-set.ts';
import type { Importer } from '../importing/importer.ts';
import { construct } from '../integration/construct.ts';
import { type Monitor, monitor } from './monitor.ts';

interface Pollster {
  poll(): number;
}

const source: PluginSource = { kind: 'file', path: '/plugins/any.js', via: 'file-list' };
const exports: Record<string, unknown> = {
  cpu: class {
    poll() {
      return 1;
    }
  },
  'no-poll': class {},
  broken: undefined,
};

function entry(name: string): EntryPoint {
  return {
    namespace: 'meter.pollster',
    name,
    reference: `./${name}.js:default`,
    source,
    target: { url: `memory:${name}`, exportName: 'default' },
  };
}

const discovery: DiscoverySource = {
  kind: 'memory-list',
  discover: () => ({ entryPoints: Object.keys(exports).map(entry), problems: [] }),
};

const importer: Importer = async (target) => {
  const name = target.url.slice('memory:'.length);
  if (exports[name] === undefined) throw new Error(`cannot import ${name}`);
  return exports[name];
};

let watching: Monitor | undefined;
afterEach(() => watching?.stop());

function pollsters(): ExtensionSet<Pollster> {
  return ExtensionSet.discover<Pollster>({
    namespace: 'meter.pollster',
    sources: [discovery],
    importer,
    integration: construct(),
    contract: convention<Pollster>({ name: 'Pollster', members: { poll: 'function' } }),
  });
}

describe('the loader’s stages, traced', () => {
  it('publishes discovery, then each plugin’s stages until one fails', async () => {
    watching = monitor({ calls: false });
    const set = pollsters();
    await set.loadAll();
    const stages = watching.records.map((r) => [
      r.kind === 'stage' ? r.stage : 'call',
      r.plugin ?? r.namespace,
      r.kind === 'stage' ? r.by : '',
      r.ok,
    ]);
    expect(stages[0]).toEqual(['discovery', 'meter.pollster', 'memory-list', true]);
    expect(watching.records[0]).toMatchObject({ found: 3, async: false });
    // Plugins load concurrently: compare each plugin's own story.
    const storyOf = (name: string) => stages.filter(([, plugin]) => plugin === name);
    expect(storyOf('cpu')).toEqual([
      ['import', 'cpu', 'importer', true],
      ['integration', 'cpu', 'construct', true],
      ['enforcement', 'cpu', 'Pollster', true],
    ]);
    expect(storyOf('no-poll')).toEqual([
      ['import', 'no-poll', 'importer', true],
      ['integration', 'no-poll', 'construct', true],
      ['enforcement', 'no-poll', 'Pollster', false],
    ]);
    expect(storyOf('broken')).toEqual([['import', 'broken', 'importer', false]]);
  });

  it('carries the typed error the plugin’s record keeps, for a failed stage', async () => {
    watching = monitor({ calls: false });
    const set = pollsters();
    await set.loadAll();
    const refused = watching.records.find((r) => r.plugin === 'no-poll' && !r.ok);
    const record = set.named('no-poll')[0];
    expect(record?.state.status).toBe('failed');
    expect(refused?.error).toBe(record?.lastError);
    expect(refused?.source).toBe(source);
  });

  it('publishes nothing, and loads the same, when nobody listens', async () => {
    const set = pollsters();
    const ready = await set.loadAll();
    expect(ready.map((e) => e.name)).toEqual(['cpu']);
  });
});
