// What a host sees when its configuration names no usable driver. Each
// mistake is its own typed error, raised before any plugin code is imported,
// and its message says what to fix.
import { join } from 'node:path';
import { DriverManager, InvalidDriverUrlError } from '@plugin-patterns/driver';
import { NoMatchingPluginError, packageScan } from '@plugin-patterns/loader';
import { STORAGE_NAMESPACE } from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../../../packages/tour');
const sources = [packageScan({ cwd: host, cache: false })];

const mistakes = ['sqlit:///var/lib/meter.db', 'var/lib/meter.db', 'postgres://db:99999/meter'];
for (const url of mistakes) {
  try {
    await DriverManager.load({ namespace: STORAGE_NAMESPACE, sources, url });
  } catch (error) {
    if (error instanceof NoMatchingPluginError || error instanceof InvalidDriverUrlError) {
      console.log(`${url}\n  ${error.name}: ${error.message}`);
    } else {
      throw error;
    }
  }
}
