// The baseline of the startup benchmark's driver rows: a host with no plugin
// system imports the one module it wants, by its file URL (resolving
// nothing), and calls it.
//
//     node driver-direct.js <module file>
import { pathToFileURL } from 'node:url';

const [file] = process.argv.slice(2);
const ready = performance.now();
const { Driver } = await import(pathToFileURL(file).href);
new Driver({ url: 'memory://' }).write([1]);
console.log(
  JSON.stringify({
    ready,
    done: performance.now(),
    evaluated: globalThis.__pluginPatternsBenchEvaluations,
    modules: globalThis.__pluginPatternsBenchModules,
  }),
);
