// A driver that cannot run here disables itself instead of failing the host.
// The PostgreSQL driver answers `checkAvailability()` by trying to connect; the
// loader's self-check policy asks it once, at load time. The host catches the
// typed error, reads the reason, and falls back to another driver.
import { join } from 'node:path';
import { DriverManager } from '@plugin-patterns/driver';
import { PluginUnavailableError, packageScan, selfCheck } from '@plugin-patterns/loader';
import { STORAGE_NAMESPACE, type StorageDriver } from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../../../packages/tour');
const sources = [packageScan({ cwd: host, cache: false })];

async function openStorage(url: string): Promise<DriverManager<StorageDriver>> {
  return DriverManager.load<StorageDriver>({
    namespace: STORAGE_NAMESPACE,
    sources,
    policies: [selfCheck()],
    url,
    args: [{ url }],
  });
}

// Nothing listens on port 1: the connection is refused at once.
const configured = 'postgres://meter:s3cret@127.0.0.1:1/meter';
let storage: DriverManager<StorageDriver>;
try {
  storage = await openStorage(configured);
} catch (error) {
  if (!(error instanceof PluginUnavailableError)) throw error;
  console.log(error.message);
  storage = await openStorage('memory:');
}
console.log(`storing samples with ${storage.name}`);
await storage.driver.close();
