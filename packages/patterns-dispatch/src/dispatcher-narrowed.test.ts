/**
 * A dispatcher narrowed to some names imports only those plugins. Each
 * fixture module writes down its own evaluation, so a module loaded "just in
 * case" would show up in the log.
 */
import { ExtensionSet, NoMatchingPluginError } from '@plugin-patterns/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { type LoggedPlugin, loggedHost } from '../../loader/test-fixtures/evaluation-log.ts';
import type { Delivery, DispatchResult } from './delivery.ts';
import { Dispatcher } from './dispatcher.ts';

const namespace = 'test.narrowed';
const hosts: { remove(): void }[] = [];
afterAll(() => {
  for (const host of hosts) host.remove();
});

function storesHost() {
  const host = loggedHost(namespace, {
    'store-plugins': ['memory', 'jsonl', 'sqlite'],
    'cloud-stores': ['s3', 'gcs'],
  });
  hosts.push(host);
  return { host, set: ExtensionSet.discover<LoggedPlugin>({ namespace, sources: host.sources }) };
}

describe('Dispatcher.load with names', () => {
  it('evaluates the named plugins and none of the others', async () => {
    const { host, set } = storesHost();
    const dispatcher = await Dispatcher.load(set, { names: ['memory', 's3'] });
    expect(host.evaluated().sort()).toEqual(['cloud-stores/s3', 'store-plugins/memory']);
    const delivery = dispatcher.call('s3', (p) => p.greet('Ada')) as Delivery<string>;
    expect(delivery).toEqual({ plugin: 's3', ok: true, value: 'cloud-stores/s3: hello Ada' });
    // Nothing else was even tried: no failure is recorded against a plugin nobody needed.
    expect(
      set
        .report()
        .filter((r) => r.loaded)
        .map((r) => r.name),
    ).toEqual(['s3', 'memory']); // discovery order: cloud-stores is read first
  });

  it('calls, lists and selects only the named plugins', async () => {
    const { set } = storesHost();
    await set.loadAll();
    const dispatcher = new Dispatcher(set, { names: ['jsonl', 'gcs'] });
    expect(dispatcher.names()).toEqual(['gcs', 'jsonl']);
    const all = dispatcher.byPredicate(
      () => true,
      (p) => p.greet('Bo'),
    ) as DispatchResult<string>;
    expect(all.deliveries.map((d) => d.plugin)).toEqual(['gcs', 'jsonl']);
    expect(() => dispatcher.call('memory', (p) => p.greet('Bo'))).toThrow(NoMatchingPluginError);
  });

  it('refuses a name nothing declares before importing anything', async () => {
    const { host, set } = storesHost();
    await expect(Dispatcher.load(set, { names: ['memory', 'sqlit'] })).rejects.toThrow(
      'Did you mean "sqlite"?',
    );
    expect(host.evaluated()).toEqual([]);
  });

  it('without names, loads every plugin, as before', async () => {
    const { host } = storesHost();
    const set = ExtensionSet.discover<LoggedPlugin>({ namespace, sources: host.sources });
    await Dispatcher.load(set);
    expect(host.evaluated()).toHaveLength(5);
  });
});
