// The loader imports a plugin the first time the host loads it, and never
// again: concurrent callers share one import, and a module that failed is not
// imported a second time. The importer is swappable, so this host wraps the
// real one (Node's import()) to count what it is asked to do.
import { join } from 'node:path';
import { ExtensionSet, packageScan } from '@plugin-patterns/loader';
import { type Importer, importExport } from '@plugin-patterns/loader/importing';

const host = join(import.meta.dirname, '../..');
const imported: string[] = [];
const countingImporter: Importer = (target, who) => {
  imported.push(who.name);
  return importExport(target, who);
};

// The deliberately faulty sample plugins: one of them throws while it is imported.
const faulty = ExtensionSet.discover({
  namespace: 'meter.faulty',
  sources: [packageScan({ cwd: host, cache: false })],
  importer: countingImporter,
});
console.log(`discovered ${faulty.extensions.length} plugins; imported: [${imported.join(', ')}]`);

// Three callers at once, then a fourth later: one import between them.
const attempts = await Promise.allSettled([
  faulty.load('import-fails'),
  faulty.load('import-fails'),
  faulty.load('import-fails'),
]);
const later = await faulty.load('import-fails').catch((error: Error) => error);
console.log(`4 loads of import-fails -> imported: [${imported.join(', ')}]`);
console.log(
  `all four got the same error: ${attempts.every((a) => a.status === 'rejected' && a.reason === later)}`,
);

// The failure is on the plugin's record, with the stage and the cause.
const [record] = faulty.named('import-fails');
if (record?.state.status === 'failed') {
  console.log(`\n${record.state.error.name} at the ${record.state.stage} stage:`);
  console.log(record.state.error.message);
}

// The others are unaffected: loading one imports just that one.
await faulty.load('throws');
console.log(`\nafter loading throws -> imported: [${imported.join(', ')}]`);
