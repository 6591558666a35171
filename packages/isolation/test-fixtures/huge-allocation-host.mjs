// A host that isolates one plugin with a 16 MB heap limit, in the mode named
// on its command line, and calls it once; it says what it heard, and that it
// is still alive.
import { isolation } from '@plugin-patterns/isolation';
import { ExtensionSet, fileList } from '@plugin-patterns/loader';

const mode = process.argv[2];
const isolated = isolation({ mode, memoryMb: 16 });
const [plugin] = await ExtensionSet.discover({
  namespace: 'test.memory',
  sources: [
    fileList({
      namespace: 'test.memory',
      files: { huge: 'one-huge-array.js' },
      cwd: new URL('plugins/', import.meta.url).pathname,
    }),
  ],
  importer: isolated.importer,
  integration: isolated.integration,
}).loadAll();
const heard = await plugin.object.poll().then(
  (value) => `answered ${value}`,
  (error) => error.message,
);
console.log(heard);
console.log('host alive');
await isolated.close();
