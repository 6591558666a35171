// Sync stays sync: a run is a plain loop, and returns a plain value, while
// every plugin answers synchronously. A plugin that returns a promise turns
// the run into a promise from that plugin on; the plugins before it were
// called without one.
import { IteratorManager } from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';

type Reading = () => number;
type MaybeLater = () => number | Promise<number>;
const log: string[] = [];
const reading =
  (name: string, value: number): Reading =>
  () => {
    log.push(name);
    return value;
  };

const local = new IteratorManager(
  ExtensionSet.fromObjects<Reading>('host.readings', {
    load: reading('load', 0.42),
    temperature: reading('temperature', 51),
  }),
);
// The type says so too: a sync callback gives a plain result, no await needed.
const now = local.map((read) => read());
console.log(`all sync:  a promise? ${now instanceof Promise}; values ${now.values.join(', ')}`);

const mixed = new IteratorManager(
  ExtensionSet.fromObjects<MaybeLater>('host.readings', {
    load: reading('load', 0.42),
    remote: async () => {
      log.push('remote');
      return 7;
    },
    temperature: reading('temperature', 51),
  }),
);
log.length = 0;
const later = mixed.map((read) => read());
console.log(`one async: a promise? ${later instanceof Promise}; called so far: ${log.join(', ')}`);
const settled = await later;
console.log(`           after await: ${log.join(', ')}; values ${settled.values.join(', ')}`);
