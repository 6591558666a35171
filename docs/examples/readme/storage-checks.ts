// The storage conformance checks without a test runner: each check gets a
// factory for a new, empty driver and throws if the driver gets it wrong.
import { storageConformanceChecks } from '@plugin-patterns/meter-contracts';
import { MemoryStorage } from '@plugin-patterns/sample-plugins';

let passed = 0;
for (const check of storageConformanceChecks) {
  if (check.needs === 'reopen') continue; // needs a driver that keeps data across instances
  await check.run(() => new MemoryStorage({ url: 'memory:' }), { largeBatchSize: 2000 });
  passed++;
}
console.log(`${passed} checks passed`);
