// A coarse-grained plugin written as an object with a `setup` method. Its
// author misspelt a hook name: the host refuses the registration, so this
// plugin fails to integrate and registers nothing at all.
import type { HookHost } from '@plugin-patterns/loader/integration';
import type { MeterHooks } from '../meter-hooks.ts';

export default {
  setup(host: HookHost<MeterHooks>): void {
    host.register('sample.received', (sample) => {
      if (sample.volume > 90) console.log(`  alert: ${sample.meter} at ${sample.volume}`);
    });
    // @ts-expect-error: the typo the host catches at run time too
    host.register('shutdwon', () => console.log('  alert: bye'));
  },
};
