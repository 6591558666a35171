// A coarse-grained plugin: it exports one `setup(host)` function and registers
// the hooks it provides. It keeps its own state, which the host never sees.
import type { HookHost } from '@plugin-patterns/loader/integration';
import type { MeterHooks } from '../meter-hooks.ts';

export function setup(host: HookHost<MeterHooks>): void {
  const counts = new Map<string, number>();
  host.register('sample.received', (sample) => {
    counts.set(sample.meter, (counts.get(sample.meter) ?? 0) + 1);
  });
  host.register('shutdown', () => {
    for (const [meter, count] of counts) console.log(`  audit-log: ${meter} x ${count}`);
  });
}
