// Fine-grained integration: the host builds one object per plugin (`new
// Plugin()`) and then inspects it. Every handler says which event types it
// handles and every pollster which meters it produces, so the host can route,
// list and explain its plugins without calling any of them.
import { join } from 'node:path';
import { construct, ExtensionSet, packageScan } from '@plugin-patterns/loader';
import { describeValue } from '@plugin-patterns/loader/invocation';
import type { NotificationHandler, Pollster } from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../..');
const scan = packageScan({ cwd: host, cache: false });

const handlers = ExtensionSet.discover<NotificationHandler>({
  namespace: 'meter.notification',
  sources: [scan],
  integration: construct(), // the export is a class: the host calls `new` on it
});
for (const handler of await handlers.loadAll()) {
  console.log(
    `handler  ${handler.name.padEnd(10)} handles ${handler.object.eventTypes.join(', ')}`,
  );
}

const pollsters = ExtensionSet.discover<Pollster>({
  namespace: 'meter.pollster',
  sources: [scan],
  integration: construct(),
});
for (const pollster of await pollsters.loadAll()) {
  console.log(`pollster ${pollster.name.padEnd(10)} produces ${pollster.object.meters.join(', ')}`);
}

// The host decides what the constructor gets. A storage driver needs its URL:
const storage = ExtensionSet.discover({
  namespace: 'meter.storage',
  sources: [scan],
  integration: construct({ args: [{ url: 'memory:' }] }),
});
const driver = await storage.load('memory');
console.log(`\nstorage  memory     is ${describeValue(driver)}, built with { url: 'memory:' }`);
