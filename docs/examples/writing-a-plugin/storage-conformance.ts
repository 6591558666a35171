// The storage conformance kit, run on two drivers: the project's own memory
// driver and a third party's first attempt. The kit registers its checks with
// any runner that has `describe` and `it`; in a plugin's test suite that is
// vitest's or node:test's. This small runner just runs them in turn.
import { runStorageConformance, type TestRegistrar } from '@plugin-patterns/meter-contracts';
import { MemoryStorage } from '@plugin-patterns/sample-plugins';
import { NaiveStorage } from './naive-storage.ts';

async function conformance(title: string, makeDriver: () => MemoryStorage | NaiveStorage) {
  const checks: { name: string; run: () => Promise<void> }[] = [];
  const runner: TestRegistrar = {
    describe: (_name, body) => body(),
    it: (name, run) => checks.push({ name, run }),
  };
  runStorageConformance(makeDriver, runner);

  const failures: string[] = [];
  for (const check of checks) {
    await check.run().catch((error: Error) => failures.push(error.message));
  }
  console.log(`${title}: ${checks.length - failures.length} of ${checks.length} checks pass`);
  for (const failure of failures) console.log(`- ${failure}`);
}

await conformance('MemoryStorage', () => new MemoryStorage({ url: 'memory:' }));
console.log();
await conformance('NaiveStorage', () => new NaiveStorage({ url: 'naive:' }));
