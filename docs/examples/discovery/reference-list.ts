// Discovery from an explicit list of import references, as a Django project
// lists INSTALLED_APPS: the host names each plugin and where it lives, and
// nothing else is found. Each package is resolved from the host's folder, as
// an `import` written in the host would be.
import { join } from 'node:path';
import { ExtensionSet, referenceList } from '@plugin-patterns/loader';
import { describeValue } from '@plugin-patterns/loader/invocation';

const host = join(import.meta.dirname, '../..');

const source = referenceList({
  namespace: 'meter.storage',
  cwd: host,
  plugins: {
    memory: '@plugin-patterns/sample-plugins/storage/memory:MemoryStorage',
    jsonl: '@plugin-patterns/sample-plugins/storage/jsonl:JsonlStorage',
    // Not installed: reported as a problem; the other two are still found.
    redis: 'meter-redis:RedisStorage',
  },
});

const { entryPoints, problems } = source.discover();
for (const entry of entryPoints) console.log(`found   ${entry.name}: ${entry.reference}`);
for (const problem of problems) {
  // The message names the host folder; shown relative, so it reads the same on every machine.
  console.log(`refused ${problem.name}: ${problem.error.message.replaceAll(host, '<host>')}`);
}

// The same source feeds the loader's pipeline. Nothing was imported so far;
// loading one plugin imports that one module, once.
const storage = ExtensionSet.discover({ namespace: 'meter.storage', sources: [source] });
const exported = await storage.load('memory');
console.log(`\nloaded memory: ${describeValue(exported)}`);
for (const extension of storage.extensions) {
  console.log(
    `${extension.name.padEnd(6)} ${extension.state.status}, loaded: ${extension.isReady}`,
  );
}
