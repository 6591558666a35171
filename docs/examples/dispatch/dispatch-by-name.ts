// Dispatch by name and by predicate: the host picks, per call, which of the
// loaded plugins to call. Here the host's configuration names the stores
// every batch of samples is published to.
import { Dispatcher } from '@plugin-patterns/dispatch';
import { ExtensionSet, NoMatchingPluginError } from '@plugin-patterns/loader';
import {
  type Sample,
  STORAGE_NAMESPACE,
  type StorageDriver,
} from '@plugin-patterns/meter-contracts';
import { MemoryStorage, SqliteStorage } from '@plugin-patterns/sample-plugins';

const stores = ExtensionSet.fromObjects<StorageDriver>(STORAGE_NAMESPACE, {
  memory: new MemoryStorage({ url: 'memory:' }),
  sqlite: new SqliteStorage({ url: 'sqlite::memory:' }),
});
const dispatcher = new Dispatcher(stores);

const batch: Sample[] = [
  {
    meter: 'vcpus',
    type: 'gauge',
    unit: 'vcpu',
    volume: 4,
    resourceId: 'vm-833',
    projectId: 'project-a',
    timestamp: '2026-11-26T08:00:30.276Z',
    source: 'notification:compute.instance',
  },
];

// By name: called in the order the names are given.
const publishTo = ['sqlite', 'memory'];
const published = await dispatcher.byName(publishTo, (store) => store.write(batch), {
  method: 'write',
});
for (const delivery of published.deliveries) {
  console.log(`write to ${delivery.plugin}: ${delivery.ok ? 'ok' : delivery.error.message}`);
}

// By predicate: whichever plugins a test over their extension record selects.
const durable = await dispatcher.byPredicate(
  (extension) => extension.name !== 'memory',
  (store) => store.query({ meter: 'vcpus' }),
);
for (const delivery of durable.deliveries) {
  if (delivery.ok) console.log(`${delivery.plugin} holds ${delivery.value.length} vcpus sample(s)`);
}

// A name that matches nothing is a mistake in the host's configuration:
// it is thrown before any store is called, with the closest name.
try {
  await dispatcher.byName(['memory', 'sqlight'], (store) => store.write(batch));
} catch (error) {
  if (!(error instanceof NoMatchingPluginError)) throw error;
  console.log(error.message);
}

await dispatcher.byPredicate(
  () => true,
  (store) => store.close(),
);
