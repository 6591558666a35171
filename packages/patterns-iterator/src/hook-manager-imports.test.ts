/**
 * A hook manager calls the plugins of one name, so it imports only those:
 * the other modules of the namespace are never evaluated, and a broken one
 * among them is never even tried. Each fixture module writes down its own
 * evaluation.
 */
import { ExtensionSet } from '@plugin-patterns/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { type LoggedPlugin, loggedHost } from '../../loader/test-fixtures/evaluation-log.ts';
import { HookManager } from './hook-manager.ts';
import { IteratorManager } from './iterator-manager.ts';

const namespace = 'test.hooks';
const hosts: { remove(): void }[] = [];
afterAll(() => {
  for (const host of hosts) host.remove();
});

function hooksHost() {
  const host = loggedHost(namespace, {
    'audit-hooks': ['startup', 'shutdown'],
    'metrics-hooks': ['startup', 'sample-published'],
  });
  hosts.push(host);
  return { host, set: ExtensionSet.discover<LoggedPlugin>({ namespace, sources: host.sources }) };
}

describe('HookManager imports only its hook', () => {
  it('evaluates the modules of its name and of no other', async () => {
    const { host, set } = hooksHost();
    const startup = await new HookManager(set, 'startup').load();
    expect(host.evaluated().sort()).toEqual(['audit-hooks/startup', 'metrics-hooks/startup']);
    expect(startup.map((p) => p.greet('host'))).toMatchObject({
      values: ['audit-hooks/startup: hello host', 'metrics-hooks/startup: hello host'],
    });
    expect(set.report().filter((r) => r.loaded)).toHaveLength(2);
  });

  it('a hook nobody hooks imports nothing and runs empty', async () => {
    const { host, set } = hooksHost();
    const idle = await new HookManager(set, 'idle').load();
    expect(host.evaluated()).toEqual([]);
    expect(idle.names()).toEqual([]);
  });

  it('the unnarrowed manager still imports every plugin', async () => {
    const { host, set } = hooksHost();
    await new IteratorManager(set).load();
    expect(host.evaluated()).toHaveLength(4);
  });
});
