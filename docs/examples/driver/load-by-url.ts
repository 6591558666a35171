// The driver pattern: the host's configuration holds one storage URL, its
// scheme names the plugin, and only that plugin's module is imported. The
// object handed back is the plugin itself: the host calls it directly.
import { join } from 'node:path';
import { DriverManager } from '@plugin-patterns/driver';
import { packageScan } from '@plugin-patterns/loader';
import {
  type Sample,
  STORAGE_NAMESPACE,
  type StorageDriver,
} from '@plugin-patterns/meter-contracts';

// The host is the tour's application: its package.json depends on the sample
// plugins and on @plugin-patterns/storage-postgres, which together declare
// five storage names. In a real host the URL comes from its configuration.
const host = join(import.meta.dirname, '../../../packages/tour');
const url = 'sqlite::memory:';

const storage = await DriverManager.load<StorageDriver>({
  namespace: STORAGE_NAMESPACE,
  sources: [packageScan({ cwd: host, cache: false })],
  url,
  // Every storage driver is built the same way: new Driver({ url }).
  args: [{ url }],
});
console.log(`${url} -> ${storage.name} (${storage.extension.reference})`);

const sample = (resourceId: string, volume: number): Sample => ({
  meter: 'cpu.util',
  type: 'gauge',
  unit: '%',
  volume,
  resourceId,
  projectId: null,
  timestamp: '2026-11-26T10:00:00.000Z',
  source: 'pollster:cpu',
});

// A plain method call on the plugin object: no wrapper, no lookup.
await storage.driver.write([sample('host-a', 12.5), sample('host-b', 71)]);
const busy = await storage.driver.query({ resourceId: 'host-b' });
console.log(`host-b: ${busy.map((s) => `${s.volume}${s.unit}`).join(', ')}`);
await storage.driver.close();

// Every driver was found; only the chosen one was imported.
for (const found of storage.extensions.report()) {
  console.log(`  ${found.name.padEnd(10)} ${found.loaded ? 'imported' : 'not imported'}`);
}
