// The floor of a way of finding plugins: what a process must do to find them
// that way, written by hand for this install and no other, with no loader (no
// policies, no records, no errors, no checks beyond the one the way cannot
// skip), then the same imports and calls as the direct host. No loader that
// reads the same files (every package.json for a cold scan; this project's
// cache file or manifest module for the others) can start faster than the
// floor of its way, so a startup target below its floor is out of its reach.
// (Another format of cache or manifest would have a floor of its own.)
//
//     node floor.js manifest <install> <namespace> <name | *> <manifest module>
//     node floor.js warm     <install> <namespace> <name | *> <cache file> <module file>…
//     node floor.js cold     <install> <namespace> <name | *>
//
// `*` takes every plugin of the namespace (the iterator job). The warm floor
// reads the cache file and checks its stamps, but takes the module files from
// the command line, so it is a bound below the real lookup, not a copy of it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [way, cwd, namespace, name, ...rest] = process.argv.slice(2);
const wanted = (pluginName) => name === '*' || pluginName === name;
const ready = performance.now();

// Each way gives `[import, export name]` for the plugins to call.
const find = {
  async manifest() {
    const { default: manifest } = await import(pathToFileURL(rest[0]).href);
    for (const [file] of manifest.fingerprint) statSync(join(cwd, file));
    return manifest.plugins[namespace]
      .filter(([pluginName]) => wanted(pluginName))
      .map(([, , , , exportName, load]) => [load, exportName]);
  },
  async warm() {
    const cache = JSON.parse(readFileSync(rest[0], 'utf8'));
    for (const [path] of cache.stamps) statSync(join(cwd, path));
    const exportName = namespace === 'bench.storage' ? 'Driver' : 'Pollster';
    return rest.slice(1).map((file) => [() => import(pathToFileURL(file).href), exportName]);
  },
  async cold() {
    const found = [];
    const nodeModules = join(cwd, 'node_modules');
    for (const entry of readdirSync(nodeModules)) {
      const folders = entry.startsWith('@')
        ? readdirSync(join(nodeModules, entry)).map((inner) => join(nodeModules, entry, inner))
        : [join(nodeModules, entry)];
      for (const folder of folders) {
        const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
        const declared = manifest.entryPoints?.[namespace] ?? {};
        for (const [pluginName, reference] of Object.entries(declared)) {
          if (!wanted(pluginName)) continue;
          const [subpath, exportName] = reference.split(':');
          const file = join(folder, manifest.exports[subpath]);
          found.push([() => import(pathToFileURL(file).href), exportName]);
        }
      }
    }
    return found;
  },
};

const plugins = await find[way]();
const modules = await Promise.all(plugins.map(([load]) => load()));
// The same calls as the direct hosts: write to the driver, or poll each pollster.
const samples = modules.flatMap((module, i) => {
  const Plugin = module[plugins[i][1]];
  return namespace === 'bench.storage'
    ? [new Plugin({ url: 'memory://' }).write([1])]
    : new Plugin().poll();
});
console.log(
  JSON.stringify({
    ready,
    done: performance.now(),
    evaluated: globalThis.__pluginPatternsBenchEvaluations,
    modules: globalThis.__pluginPatternsBenchModules,
    samples: samples.length,
  }),
);
