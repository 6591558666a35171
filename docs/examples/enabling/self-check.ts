// Enabling by the plugin itself: a pollster whose resource is absent here says
// so through `checkAvailability()`, and the host disables it with the
// plugin's own reason. The question needs loaded code, so it is asked at load
// time, once per plugin.
import { join } from 'node:path';
import {
  allowList,
  construct,
  ExtensionSet,
  packageScan,
  selfCheck,
} from '@plugin-patterns/loader';
import type { Pollster } from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../..');

const pollsters = ExtensionSet.discover<Pollster>({
  namespace: 'meter.pollster',
  sources: [packageScan({ cwd: host, cache: false })],
  policies: [allowList(['uptime', 'disk', 'hypervisor']), selfCheck()],
  integration: construct({
    // The hypervisor pollster looks for libvirt's socket. Pointed at paths that
    // exist nowhere, it gives the same answer on every machine this runs on.
    args: ({ name }) =>
      name === 'hypervisor'
        ? [{ probes: ['/run/example/libvirt-sock'], kvmDevice: '/dev/example-kvm' }]
        : [],
  }),
});

console.log(
  `before loading: ${pollsters
    .enabled()
    .map((e) => e.name)
    .join(', ')}`,
);

const ready = await pollsters.loadAll();
console.log(`after loading:  ${ready.map((e) => e.name).join(', ')}`);

for (const extension of pollsters.extensions) {
  const { state } = extension;
  if (state.status === 'disabled' && state.by === 'self-check') {
    console.log(`\n${extension.name} disabled itself: ${state.reason}`);
    for (const step of extension.history) {
      console.log(`  ${step.stage.padEnd(11)} ${step.outcome.padEnd(8)} by ${step.by}`);
    }
  }
}
