// A second coarse-grained plugin, correctly written: one hook, one threshold.
import type { HookHost } from '@plugin-patterns/loader/integration';
import type { MeterHooks } from '../meter-hooks.ts';

export function setup(host: HookHost<MeterHooks>): void {
  host.register('sample.received', (sample) => {
    if (sample.meter === 'cpu.util' && sample.volume > 90) {
      console.log(`  cpu-alert: ${sample.resourceId} is at ${sample.volume} %`);
    }
  });
}
