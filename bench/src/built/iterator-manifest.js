// A host that polls every pollster of its install through the iterator,
// over the static manifest written for it.
//
//     node iterator-manifest.js <install> <manifest module>
import { pathToFileURL } from 'node:url';
import { IteratorManager } from '@plugin-patterns/iterator';
import { construct, ExtensionSet } from '@plugin-patterns/loader';
import { staticManifest } from '@plugin-patterns/loader/static-manifest';

const [cwd, file] = process.argv.slice(2);
const ready = performance.now();
const { default: manifest } = await import(pathToFileURL(file).href);
const source = staticManifest(manifest, { cwd });
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
    checked: source.lastCheck?.checked,
  }),
);
