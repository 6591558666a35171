// Coarse-grained integration: each plugin's `setup(host)` registers its hooks
// in the host's registry. The host does not inspect the plugins; it asks the
// registry who registered what, and calls the hooks.
import { join } from 'node:path';
import { ExtensionSet, fileList, setup } from '@plugin-patterns/loader';
import { createHookRegistry } from '@plugin-patterns/loader/integration';
import type { Sample } from '@plugin-patterns/meter-contracts';
import { METER_HOOKS, type MeterHooks } from './meter-hooks.ts';

const registry = createHookRegistry<MeterHooks>({ hooks: METER_HOOKS });

const plugins = ExtensionSet.discover({
  namespace: 'meter.hooks',
  sources: [
    fileList({
      namespace: 'meter.hooks',
      cwd: join(import.meta.dirname, 'plugins'),
      files: {
        'audit-log': { path: 'audit-log.ts', export: 'setup' },
        'cpu-alert': { path: 'cpu-alert.ts', export: 'setup' },
        'threshold-alert': 'threshold-alert.ts',
      },
    }),
  ],
  integration: setup({ registry }),
});

// One after the other, so that the registrations come in this order.
for (const plugin of plugins.enabled()) await plugin.load().catch(() => {});

for (const plugin of plugins.extensions) {
  const hooks = registry.byPlugin(plugin.name).map((r) => r.hook);
  const state = plugin.state.status === 'failed' ? plugin.state.error.message : 'ready';
  console.log(`${plugin.name.padEnd(15)} registered [${hooks.join(', ')}]: ${state}`);
}

// The host's own work: two samples arrive, then it shuts down.
console.log();
for (const volume of [42, 97]) {
  const sample: Sample = {
    meter: 'cpu.util',
    type: 'gauge',
    unit: '%',
    volume,
    resourceId: 'compute-03',
    projectId: null,
    timestamp: '2026-11-26T08:00:00.000Z',
    source: 'example',
  };
  console.log(`sample.received cpu.util = ${volume}`);
  for (const { fn } of registry.registered('sample.received')) fn(sample);
}
console.log('shutdown');
for (const { fn } of registry.registered('shutdown')) fn();
