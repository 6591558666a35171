// A host that loads its storage driver by name over a package scan of its
// install: with the discovery cache (warm, once a run has written it) or
// without (cold: every manifest is read).
//
//     node driver-scan.js <install> <cache folder | none> <plugin name>
import { DriverManager } from '@plugin-patterns/driver';
import { packageScan } from '@plugin-patterns/loader';

const [cwd, cacheDir, name] = process.argv.slice(2);
const ready = performance.now();
const source = packageScan({ cwd, cache: cacheDir === 'none' ? false : { dir: cacheDir } });
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
    fromCache: source.lastScan?.fromCache,
  }),
);
