// The iterator pattern: every enabled plugin of a namespace is called in
// turn. Here, one step of ceilometer's central loop: find the pollsters the
// host's dependencies declare, let each say whether it can run here, and ask
// every one that can for its samples.
import { join } from 'node:path';
import { IteratorManager } from '@plugin-patterns/iterator';
import {
  allowList,
  construct,
  ExtensionSet,
  packageScan,
  selfCheck,
} from '@plugin-patterns/loader';
import { POLLSTER_NAMESPACE, type Pollster } from '@plugin-patterns/meter-contracts';

// The host is the tour's application: its dependencies declare the sample
// pollsters and a third party's, @acme/meter-uptime.
const host = join(import.meta.dirname, '../../../packages/tour');
const set = ExtensionSet.discover<Pollster>({
  namespace: POLLSTER_NAMESPACE,
  sources: [packageScan({ cwd: host, cache: false })],
  // The allow list keeps this page the same on every machine; without it,
  // every installed pollster that can run here is called.
  policies: [allowList(['cpu', 'memory', 'disk', 'uptime']), selfCheck()],
  integration: construct(),
});

// load() imports and builds each pollster once, then plans the call order.
const pollsters = await new IteratorManager(set, { method: 'poll', timeoutMs: 1000 }).load();
console.log(`calling ${pollsters.names().join(', ')}`);

// poll() may answer at once or with a promise: the host awaits the run, and
// the run waits only on the pollsters that returned a promise.
const result = await pollsters.map((pollster) => pollster.poll());
result.values.forEach((samples, i) => {
  const meters = samples.map((s) => s.meter).join(', ');
  console.log(`  ${result.from[i]?.name.padEnd(6)} → ${meters}`);
});
console.log(`${result.failures.length} failures`);
