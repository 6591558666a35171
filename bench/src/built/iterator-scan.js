// A host that polls every pollster of its install through the iterator,
// over a package scan, with the discovery cache or without.
//
//     node iterator-scan.js <install> <cache folder | none>
import { IteratorManager } from '@plugin-patterns/iterator';
import { construct, ExtensionSet, packageScan } from '@plugin-patterns/loader';

const [cwd, cacheDir] = process.argv.slice(2);
const ready = performance.now();
const source = packageScan({ cwd, cache: cacheDir === 'none' ? false : { dir: cacheDir } });
const set = ExtensionSet.discover({
  namespace: 'bench.pollster',
  sources: [source],
  integration: construct(),
});
const pollsters = await new IteratorManager(set, { method: 'poll' }).load();
const { values } = await pollsters.map((pollster) => pollster.poll());
const done = performance.now();
console.log(
  JSON.stringify({
    ready,
    done,
    evaluated: globalThis.__pluginPatternsBenchEvaluations,
    modules: globalThis.__pluginPatternsBenchModules,
    samples: values.flat().length,
    fromCache: source.lastScan?.fromCache,
  }),
);
