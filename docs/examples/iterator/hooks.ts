// The hook manager: every plugin registered under one name, from whichever
// package, is called. Where a driver refuses two plugins of one name, a hook
// wants them all. Here three packages each hook `sample.stored`, and one
// hooks `shutdown`; the set is built from objects, as a host's test would.
import { HookManager } from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';

type Hook = (meter: string) => string;
const hooks = ExtensionSet.fromObjects<Hook>('meter.hooks', [
  ['sample.stored', (meter) => `audit-log: recorded ${meter}`],
  ['shutdown', () => 'cache: flushed'],
  ['sample.stored', (meter) => `alarms: checked thresholds of ${meter}`],
  [
    'sample.stored',
    () => {
      throw new Error('webhook endpoint unreachable');
    },
  ],
]);

const stored = new HookManager(hooks, 'sample.stored');
const run = stored.map((hook) => hook('cpu.util'));
for (const answer of run.values) console.log(answer);
for (const failure of run.failures) console.log(`failed: ${failure.message}`);

const shutdown = new HookManager(hooks, 'shutdown');
console.log(shutdown.map((hook) => hook('')).values.join('; '));
