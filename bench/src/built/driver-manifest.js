// A host that loads its storage driver by name over the static manifest
// written for its install: no node_modules is scanned.
//
//     node driver-manifest.js <install> <manifest module> <plugin name>
import { pathToFileURL } from 'node:url';
import { DriverManager } from '@plugin-patterns/driver';
import { staticManifest } from '@plugin-patterns/loader/static-manifest';

const [cwd, file, name] = process.argv.slice(2);
const ready = performance.now();
const { default: manifest } = await import(pathToFileURL(file).href);
const source = staticManifest(manifest, { cwd });
const { driver } = await DriverManager.load({
  namespace: 'bench.storage',
  sources: [source],
  name,
  args: [{ url: 'memory://' }],
});
driver.write([1]);
const done = performance.now();
console.log(
  JSON.stringify({
    ready,
    done,
    evaluated: globalThis.__pluginPatternsBenchEvaluations,
    modules: globalThis.__pluginPatternsBenchModules,
    checked: source.lastCheck?.checked,
  }),
);
