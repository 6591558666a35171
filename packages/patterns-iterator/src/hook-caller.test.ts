import { Extension, setup } from '@plugin-patterns/loader';
import {
  createHookRegistry,
  type HookHost,
  type HookRegistry,
  type Registration,
} from '@plugin-patterns/loader/integration';
import { describe, expect, it } from 'vitest';
import { HookCaller } from './hook-caller.ts';
import { sync } from './test-plugins.ts';

type Hook = (meter: string) => string;
const NAMESPACE = 'meter.setup';

/** Runs a plugin's setup(host) as the loader would, with its own record. */
function install(
  registry: HookRegistry,
  name: string,
  plugin: (host: HookHost) => void,
): Extension<readonly Registration[]> {
  const record = Extension.preloaded<readonly Registration[]>(NAMESPACE, name, []);
  setup({ registry }).integrate(plugin, { namespace: NAMESPACE, name, record });
  return record;
}

function hostWithPlugins() {
  const registry = createHookRegistry();
  const records = {
    audit: install(registry, 'audit', (host) => {
      host.register('sample.stored', (meter: string) => `audit: ${meter}`);
      host.register('shutdown', () => 'audit: closed');
    }),
    alarms: install(registry, 'alarms', (host) => {
      host.register('sample.stored', (meter: string) => `alarms: ${meter}`);
    }),
    broken: install(registry, 'broken', (host) => {
      host.register('sample.stored', () => {
        throw new Error('webhook unreachable');
      });
    }),
  };
  return { registry, records };
}

describe('HookCaller: the setup registry, called as an iterator', () => {
  it('calls every function of one hook in registration order, containing each failure', () => {
    const { registry } = hostWithPlugins();
    const stored = new HookCaller<Hook>(registry, 'sample.stored');
    const run = sync(stored.map((hook) => hook('cpu.util')));
    expect(run.values).toEqual(['audit: cpu.util', 'alarms: cpu.util']);
    expect(run.from.map((e) => e.name)).toEqual(['audit', 'alarms']);
    expect(run.failures.map((f) => f.message)).toEqual([
      '[meter.setup:broken] (invocation) call to sample.stored() failed: webhook unreachable',
    ]);
  });

  it('orders by plugin name as any manager does, and has every mode', async () => {
    const { registry } = hostWithPlugins();
    const stored = new HookCaller<Hook>(registry, 'sample.stored', { names: ['alarms'] });
    expect(stored.names()).toEqual(['alarms', 'audit', 'broken']);
    expect(sync(stored.first((hook) => hook('disk'))).value).toBe('alarms: disk');
    const piped = sync(stored.pipeline('x', (hook, meter) => hook(meter)));
    expect(piped.value).toBe('audit: alarms: x');
    expect((await stored.parallel((hook) => hook('net'))).values).toHaveLength(2);
  });

  it('stops calling every hook of a plugin once it is disabled, here or on its record', () => {
    const { registry, records } = hostWithPlugins();
    const stored = new HookCaller<Hook>(registry, 'sample.stored');
    const shutdown = new HookCaller<Hook>(registry, 'shutdown');
    expect(shutdown.names()).toEqual(['audit']);
    expect(stored.disable('audit', 'host', 'replaced by a new auditor')).toBe(true);
    expect(stored.names()).toEqual(['alarms', 'broken']);
    expect(shutdown.names()).toEqual([]);
    expect(records.audit.state).toEqual({
      status: 'disabled',
      by: 'host',
      reason: 'replaced by a new auditor',
    });
    // Disabled on its record by anyone else (a policy, the host): the same.
    records.alarms.disable('deny-list', 'listed');
    expect(stored.names()).toEqual(['broken']);
  });

  it('drops every hook of a plugin removed from the registry, and calls one registered later', () => {
    const { registry } = hostWithPlugins();
    const stored = new HookCaller<Hook>(registry, 'sample.stored');
    expect(registry.remove('broken').map((r) => r.hook)).toEqual(['sample.stored']);
    expect(stored.names()).toEqual(['audit', 'alarms']);
    install(registry, 'late', (host) => host.register('sample.stored', () => 'late'));
    expect(sync(stored.map((hook) => hook('x'))).values).toEqual(['audit: x', 'alarms: x', 'late']);
  });
});
