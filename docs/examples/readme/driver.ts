// The driver pattern in one screen: the URL in the host's configuration names
// the storage plugin by its scheme, only that plugin's module is imported, and
// what comes back is the plugin object itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DriverManager } from '@plugin-patterns/driver';
import { packageScan, selfCheck } from '@plugin-patterns/loader';
import {
  type Sample,
  STORAGE_NAMESPACE,
  type StorageDriver,
} from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../../../packages/tour'); // its package.json lists the plugins
const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'meter-')), 'meter.db')}`; // from the configuration

const storage = await DriverManager.load<StorageDriver>({
  namespace: STORAGE_NAMESPACE,
  sources: [packageScan({ cwd: host, cache: false })], // manifests only, nothing imported
  policies: [selfCheck()], // a driver that cannot run here disables itself
  url, // the scheme names the plugin: sqlite
  args: [{ url }], // new SqliteStorage({ url })
});

const samples: Sample[] = [
  {
    meter: 'vcpus',
    type: 'gauge',
    unit: 'vcpu',
    volume: 2,
    resourceId: 'instance-1',
    projectId: 'demo',
    timestamp: '2026-11-26T10:00:00.000Z',
    source: 'notification:compute',
  },
];
await storage.driver.write(samples); // the plugin object itself: a plain method call
console.log(storage.name, storage.extension.reference);
console.log(`${(await storage.driver.query({ meter: 'vcpus' })).length} sample read back`);
await storage.driver.close();
