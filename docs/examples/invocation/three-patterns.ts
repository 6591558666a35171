// The same pollsters, invoked three ways. The first five stages are the same
// for all three; only the last one, the manager, differs.
import { join } from 'node:path';
import { Dispatcher } from '@plugin-patterns/dispatch';
import { DriverManager } from '@plugin-patterns/driver';
import { IteratorManager } from '@plugin-patterns/iterator';
import { allowList, construct, ExtensionSet, packageScan } from '@plugin-patterns/loader';
import type { Pollster } from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../..');
const scan = packageScan({ cwd: host, cache: false });
const meters = (samples: { meter: string }[]) => samples.map((s) => s.meter).join(', ');

// Driver: exactly one plugin, chosen by name; the host calls it directly.
const uptime = await DriverManager.load<Pollster>({
  namespace: 'meter.pollster',
  sources: [scan],
  name: 'uptime',
  args: [],
});
console.log(`driver     ${uptime.name}: ${meters(await uptime.driver.poll())}`);
const imported = uptime.extensions.report().filter((r) => r.loaded);
console.log(`           imported: ${imported.map((r) => r.name).join(', ')}`);

// The dispatcher and the iterator work on a loaded set of plugins.
const pollsters = ExtensionSet.discover<Pollster>({
  namespace: 'meter.pollster',
  sources: [scan],
  policies: [allowList(['uptime', 'disk', 'memory'])],
  integration: construct(),
});
await pollsters.loadAll();

// Dispatcher: every plugin loaded; each call goes to the ones the host picks.
const dispatcher = new Dispatcher(pollsters);
const picked = await dispatcher.byName(['disk'], (pollster) => pollster.poll());
for (const delivery of picked.deliveries) {
  if (delivery.ok) console.log(`dispatcher ${delivery.plugin}: ${meters(delivery.value)}`);
}

// Iterator: every plugin is called, in the allow list's order.
const iterator = await new IteratorManager(pollsters).load();
const all = await iterator.map((pollster) => pollster.poll(), { method: 'poll' });
all.values.forEach((samples, i) => {
  console.log(`iterator   ${all.from[i]?.name}: ${meters(samples)}`);
});
