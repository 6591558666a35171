// Watching a host at work: a monitor records every loading stage and every
// plugin call while it is on, each with who, how it ended and how long it
// took. Nothing in the host or the plugins changes to be watched.
import { join } from 'node:path';
import { IteratorManager } from '@plugin-patterns/iterator';
import {
  allowList,
  construct,
  convention,
  ExtensionSet,
  packageScan,
} from '@plugin-patterns/loader';
import { monitor } from '@plugin-patterns/loader/tracing';
import { POLLSTER_NAMESPACE, type Pollster } from '@plugin-patterns/meter-contracts';

const watch = monitor({ namespace: POLLSTER_NAMESPACE });

const host = join(import.meta.dirname, '../../../packages/tour');
const set = ExtensionSet.discover<Pollster>({
  namespace: POLLSTER_NAMESPACE,
  sources: [packageScan({ cwd: host, cache: false })],
  policies: [allowList(['cpu', 'memory', 'disk'])],
  integration: construct(),
  contract: convention<Pollster>({ name: 'Pollster', members: { poll: 'function' } }),
});
const pollsters = await new IteratorManager(set).load();
await pollsters.map((pollster) => pollster.poll());
watch.stop();

// Each record is one finished step; `durationMs` is its time (left out here,
// so that this page prints the same on every machine).
for (const record of watch.records) {
  if (record.kind === 'stage' && record.stage === 'discovery') {
    console.log(`discovery by ${record.by}: ${record.found} declarations`);
  }
}
for (const name of pollsters.names()) {
  const steps = watch.records
    .filter((record) => record.plugin === name)
    .map((record) => (record.kind === 'stage' ? record.stage : `${record.pattern} call`));
  console.log(`${name.padEnd(6)} ${steps.join(' → ')}`);
}
console.log(`every step ok: ${watch.records.every((record) => record.ok)}`);
