// The baseline of the startup benchmark's iterator rows: a host with no
// plugin system imports each pollster module it knows of, by its file URL,
// builds each pollster and polls it.
//
//     node iterator-direct.js <module file> <module file> …
import { pathToFileURL } from 'node:url';

const files = process.argv.slice(2);
const ready = performance.now();
const modules = await Promise.all(files.map((file) => import(pathToFileURL(file).href)));
const samples = modules.flatMap(({ Pollster }) => new Pollster().poll());
console.log(
  JSON.stringify({
    ready,
    done: performance.now(),
    evaluated: globalThis.__pluginPatternsBenchEvaluations,
    modules: globalThis.__pluginPatternsBenchModules,
    samples: samples.length,
  }),
);
