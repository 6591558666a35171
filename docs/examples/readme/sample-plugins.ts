// The sample plugins are ordinary classes too: imported by their own
// subpaths, they work without the loader (a host's tests do this).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNotificationFixture } from '@plugin-patterns/sample-plugins/fixtures';
import { ComputeInstanceHandler } from '@plugin-patterns/sample-plugins/notification/compute';
import { SqliteStorage } from '@plugin-patterns/sample-plugins/storage/sqlite';

const file = join(mkdtempSync(join(tmpdir(), 'meter-')), 'meter.db');
const storage = new SqliteStorage({ url: `sqlite://${file}` });
const handler = new ComputeInstanceHandler();
const created = loadNotificationFixture().notifications.find(
  (n) => n.event_type === 'compute.instance.create.end',
);
if (created) await storage.write(handler.process(created));
for (const sample of await storage.query({ meter: 'vcpus' })) {
  console.log(sample.meter, sample.volume, sample.unit, sample.resourceId);
}
await storage.close();
