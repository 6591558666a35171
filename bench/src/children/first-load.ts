/**
 * Child process for the lazy-import benchmark: a process's very first load.
 * It discovers every plugin of an install (untimed), checks that no plugin
 * module was evaluated, then times one way of getting one driver:
 *
 * - `import`: an `import()` of the driver's module by its file URL (the baseline);
 * - `driver`: `DriverManager.load` by name, over the already-scanned source;
 * - `eager`: `loadAll()` of every plugin, counting the modules evaluated.
 *
 * Every mode runs the same untimed preamble, so each process is in the same
 * state when its clock starts. Prints one line of JSON.
 */
import { pathToFileURL } from 'node:url';
import { DriverManager } from '@plugin-patterns/driver';
import { ExtensionSet, packageScan } from '@plugin-patterns/loader';
import { EVALUATIONS, NAMESPACE } from '../fixtures/synthetic-install.ts';

const [cwd, mode, name, file] = process.argv.slice(2);
if (cwd === undefined || mode === undefined || name === undefined || file === undefined) {
  throw new Error(
    'usage: first-load.ts <install> <import|driver|eager> <plugin> <its module file>',
  );
}
const evaluations = (): number =>
  ((globalThis as Record<string, unknown>)[EVALUATIONS] as number | undefined) ?? 0;

const source = packageScan({ cwd, cache: false });
const set = ExtensionSet.discover({ namespace: NAMESPACE, sources: [source] });
const afterDiscovery = evaluations();

let loaded: unknown;
const started = process.hrtime.bigint();
switch (mode) {
  case 'import':
    loaded = ((await import(pathToFileURL(file).href)) as Record<string, unknown>).Driver;
    break;
  case 'driver':
    loaded = (await DriverManager.load({ namespace: NAMESPACE, sources: [source], name })).driver;
    break;
  case 'eager':
    loaded = (await set.loadAll()).length;
    break;
  default:
    throw new Error(`unknown mode ${mode}`);
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;
if (loaded === undefined) throw new Error(`${name} was not loaded`);

const result = { ms, plugins: set.extensions.length, afterDiscovery };
console.log(JSON.stringify({ ...result, evaluatedByLoad: evaluations() - afterDiscovery }));
