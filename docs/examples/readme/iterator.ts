// The iterator in one screen: every enabled pollster is called in turn, and
// a poller does it on a schedule into a storage driver.
import { join } from 'node:path';
import { IteratorManager, Poller } from '@plugin-patterns/iterator';
import {
  allowList,
  construct,
  ExtensionSet,
  packageScan,
  selfCheck,
} from '@plugin-patterns/loader';
import {
  POLLSTER_NAMESPACE,
  type Pollster,
  sampleProblems,
} from '@plugin-patterns/meter-contracts';
import { MemoryStorage } from '@plugin-patterns/sample-plugins';

const host = join(import.meta.dirname, '../../../packages/tour'); // its package.json lists the plugins
const set = ExtensionSet.discover<Pollster>({
  namespace: POLLSTER_NAMESPACE,
  sources: [packageScan({ cwd: host, cache: false })],
  policies: [allowList(['cpu', 'memory', 'uptime']), selfCheck()], // the same on every machine
  integration: construct(), // new CpuPollster(), …
});
const pollsters = await new IteratorManager(set, { method: 'poll', timeoutMs: 1000 }).load();

// Once: every pollster, in turn. Failures are collected, not thrown.
const { values, from, failures } = await pollsters.map((pollster) => pollster.poll());
console.log(`${values.length} answers from ${from.map((e) => e.name).join(', ')}`);
console.log(`${failures.length} failures`);

// On a schedule, into a storage driver.
const storage = new MemoryStorage({ url: 'memory:' });
const poller = new Poller(pollsters, { sink: storage, intervalMs: 60_000, sampleProblems });
poller.start(); // the first cycle starts now
await poller.stop(); // waits for the cycle in flight and writes what it gathered
console.log(
  `stored samples of ${new Set((await storage.query()).map((s) => s.meter)).size} meters`,
);
