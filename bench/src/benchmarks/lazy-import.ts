/**
 * Lazy importing: discovery reads manifests and evaluates no plugin code, and
 * loading one driver out of 1,000 installed plugins costs what importing that
 * one module costs.
 *
 * "Importing that one module" is what a host without a plugin system writes:
 * `import('pkg-00042/a')`, from its own folder. Node resolves that specifier
 * through `node_modules` and the package's `exports`, checks where the file
 * really is, and imports it. The loader does the same resolution itself (it
 * must: the plugin's name is all the host gives it) and hands Node the file's
 * URL. So the targeted row sets the two side by side; a second row sets the
 * load beside an `import()` of the module's file URL, which resolves nothing
 * at all: the floor, that no host writes, shown so the cost of the
 * resolution is in view too.
 *
 * Node evaluates a module once per process; a second `import()` of it is a
 * cache lookup, which would make any loader look free. So every load here is
 * of a module this process has never imported, in a package no other load
 * has touched: the install has 1,000 plugin modules, and each round takes a
 * fresh one for each way of loading. The rounds rotate which way goes first,
 * and the figures are medians over rounds.
 *
 * Every generated plugin module increments a global counter when evaluated:
 * after discovery it must read 0, and every load must add exactly 1. The
 * eager baseline (`loadAll()`, in a child process of its own) shows what
 * discovery would cost if it imported as it went. The last row is a process's
 * very first load, in fresh child processes, where nothing of the loader's
 * load path has run yet.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DriverManager } from '@plugin-patterns/driver';
import { ExtensionSet, packageScan } from '@plugin-patterns/loader';
import type { Benchmark, Measured, RowSpec, RunContext } from '../benchmark.ts';
import { installSize } from '../fixtures/installs.ts';
import {
  declaresPlugins,
  describeInstall,
  EVALUATIONS,
  HOST_IMPORT,
  NAMESPACE,
  packageName,
  pluginNames,
  pluginSpecifiers,
  type SyntheticInstall,
} from '../fixtures/synthetic-install.ts';
import { runChild, runPairs } from '../harness/child.ts';
import { median } from '../harness/stats.ts';

interface ChildResult {
  readonly ms: number;
  readonly plugins: number;
  readonly afterDiscovery: number;
  readonly evaluatedByLoad: number;
}

const BY_SPECIFIER =
  "the host's own import('pkg-00042/a') of a module of the same size, by its package name";

const rows: RowSpec[] = [
  {
    id: 'discovery-evaluates-nothing',
    label: 'plugin modules evaluated by discovering 1,000 plugins',
    unit: 'modules',
    baseline: 'modules evaluated by loadAll() of the same 1,000',
    target: { on: 'value', max: 0, text: '0 modules' },
  },
  {
    id: 'load-one-driver',
    label: 'DriverManager.load of one driver out of 1,000 plugins',
    unit: 'ms',
    baseline: BY_SPECIFIER,
    target: { on: 'ratio', max: 1.1, text: '≤1.1x' },
    ifMissed:
      'both sides resolve the module through its package (the exports map, where the file ' +
      'really is) and import it; beyond that the load makes an extension set and a record ' +
      'with its history, some 50 small steps that each run once, cold, right after an ' +
      'import. The next row measures the same loads against an import() that resolves nothing',
  },
  {
    id: 'load-one-driver-by-url',
    label: 'DriverManager.load, against an import() that resolves nothing',
    unit: 'ms',
    baseline: "import() of the module's file URL, written out beforehand",
    target: undefined,
  },
  {
    id: 'load-one-extension',
    label: 'extension.load() of one plugin (set already built)',
    unit: 'ms',
    baseline: BY_SPECIFIER,
    target: undefined,
  },
  {
    id: 'load-first-driver',
    label: "DriverManager.load as a process's first load",
    unit: 'ms',
    baseline: "an import() of the module's file URL as a process's first",
    target: undefined,
  },
];

/** Loads timed side by side, each way on packages of its own (see `rounds`). */
const GROUPS = 5;

export const lazyImport: Benchmark = {
  id: 'lazy-import',
  title: 'Lazy importing (one driver out of 1,000 plugins)',
  about:
    'Discovery of all 1,000 plugins runs first and must evaluate no plugin module. Then rounds ' +
    'of loads, each of a module never imported before, in a package no other load has ' +
    "touched: the host's own `import('pkg-00042/a')` of one (the baseline), an " +
    "`import()` of another's file URL (resolving nothing), and the loader's load of a third " +
    '(`DriverManager.load` by name over the already-scanned source, or `extension.load()` ' +
    'on an already-built set). Every load must evaluate exactly one module. The last row is ' +
    "a process's first load, timed in fresh child processes.",
  file: 'bench/src/benchmarks/lazy-import.ts',
  rows,
  async run(context: RunContext) {
    // Every group needs a package that declares plugins, and every second package does.
    const install = context.installs.of(Math.max(installSize(context.quick, 1000), 2 * GROUPS));
    const source = packageScan({ cwd: install.cwd, cache: false });
    const set = ExtensionSet.discover({ namespace: NAMESPACE, sources: [source] });
    // Not thrown: a non-zero count is this row's verdict, MISSED, for the report to show.
    const afterDiscovery = evaluations();
    if (set.extensions.length !== install.plugins) {
      throw new Error(
        `discovered ${set.extensions.length} plugins, the install has ${install.plugins}`,
      );
    }

    // Disjoint groups of packages: no load meets a package another load has touched. What
    // each load is given (a specifier, a URL, a plugin name) is written out beforehand,
    // as a host has it in its source or configuration. Every second package declares
    // plugins and every fifth is scoped (a folder deeper), so dealing them out by `k % 5`
    // gave the driver every scoped package and its baseline none; shifting the deal by one
    // every five rounds gives each way the same mix.
    const groups = Array.from({ length: GROUPS }, (_, g) =>
      declaring(install).filter((_, k) => (k + Math.floor(k / GROUPS)) % GROUPS === g),
    );
    const [byUrl = [], bySpecifier = [], drivers = [], bySpecifierToo = [], extensions = []] =
      groups;
    const host = (await import(pathToFileURL(join(install.cwd, HOST_IMPORT)).href)) as {
      importModule(specifier: string): Promise<Record<string, unknown>>;
    };
    const importBySpecifier = (packages: readonly number[]): Way => ({
      inputs: packages.map((i) => specifier(install, i)),
      load: async (input) => (await host.importModule(input)).Driver,
    });
    const importByUrl: Way = {
      inputs: byUrl.map((i) => pathToFileURL(modulePath(install, i)).href),
      load: async (input) => ((await import(input)) as Record<string, unknown>).Driver,
    };
    const viaDriver: Way = {
      inputs: drivers.map(plugin),
      load: async (input) =>
        (await DriverManager.load({ namespace: NAMESPACE, sources: [source], name: input })).driver,
    };

    context.log(`lazy import: DriverManager.load vs two import()s, ${drivers.length} rounds`);
    const [specifierTimes = [], urlTimes = [], driverTimes = []] = await rounds([
      importBySpecifier(bySpecifier),
      importByUrl,
      viaDriver,
    ]);
    context.log(`lazy import: extension.load vs import(), ${extensions.length} rounds`);
    const [specifierTimesToo = [], extensionTimes = []] = await rounds([
      importBySpecifier(bySpecifierToo),
      { inputs: extensions.map(plugin), load: async (input) => set.named(input)[0]?.load() },
    ]);

    const childPairs = context.quick ? 1 : 5;
    context.log(`lazy import: first loads, ${childPairs} pairs of child processes`);
    const [one = 0, two = 0] = declaring(install);
    const child = (mode: string): ChildResult =>
      runChild<ChildResult>('first-load.ts', [
        install.cwd,
        mode,
        plugin(one),
        modulePath(install, one),
      ]);
    const first = runPairs(
      childPairs,
      () => child('import'),
      () => child('driver'),
    );
    context.log('lazy import: loadAll() in a child process');
    const eager = runChild<ChildResult>('first-load.ts', [
      install.cwd,
      'eager',
      plugin(two),
      modulePath(install, two),
    ]);
    const children = [...first.first, ...first.second, eager];
    const evaluated = Math.max(afterDiscovery, ...children.map((r) => r.afterDiscovery));
    for (const result of first.second) {
      if (result.evaluatedByLoad !== 1) {
        throw new Error(
          `a first load evaluated ${result.evaluatedByLoad} modules (after discovery: ${result.afterDiscovery})`,
        );
      }
    }

    return {
      'discovery-evaluates-nothing': {
        value: evaluated,
        baseline: eager.evaluatedByLoad,
        ratio: evaluated / eager.evaluatedByLoad,
        samples: 1 + children.length,
        aggregate: 'max',
        detail:
          `${describeInstall(install)}; counted after discovery in ` +
          `the benchmark's process and in each of its child processes; loadAll() took ${eager.ms.toFixed(0)} ms`,
      },
      'load-one-driver': summary(specifierTimes, driverTimes),
      'load-one-driver-by-url': {
        ...summary(urlTimes, driverTimes),
        detail:
          'the same loads as the row above; what the loader adds to this floor is the ' +
          "package's resolution (which Node does for the row above: the exports map, a check " +
          'that no link leads out of the package, the URL) and its own record',
      },
      'load-one-extension': summary(specifierTimesToo, extensionTimes),
      'load-first-driver': {
        ...summary(
          first.first.map((r) => r.ms),
          first.second.map((r) => r.ms),
        ),
        detail: 'each in a fresh process; includes compiling the load path on first use',
      },
    };
  },
};

/** One way of loading a plugin's module, and what it is given for each load, one per round. */
interface Way {
  readonly inputs: readonly string[];
  readonly load: (input: string) => Promise<unknown>;
}

/**
 * Times each way once per round, on an input of its own, rotating which way
 * goes first; checks that each load evaluated one module. Each way's times,
 * in round order, so that round k of one can be set against round k of another.
 */
async function rounds(ways: readonly Way[]): Promise<number[][]> {
  const count = Math.min(...ways.map((w) => w.inputs.length));
  if (count === 0) throw new Error('the install is too small to pair loads');
  const times = ways.map((): number[] => []);
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < ways.length; j++) {
      const w = (j + k) % ways.length;
      const way = ways[w] as Way;
      (times[w] as number[]).push(await timed(way.load, way.inputs[k] as string));
    }
  }
  return times;
}

async function timed(load: (input: string) => Promise<unknown>, input: string): Promise<number> {
  const before = evaluations();
  const started = process.hrtime.bigint();
  const loaded = await load(input);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (loaded === undefined || evaluations() !== before + 1) {
    throw new Error(`loading ${input} evaluated ${evaluations() - before} modules, not 1`);
  }
  return ms;
}

function summary(base: readonly number[], cand: readonly number[]): Measured {
  return {
    value: median(cand),
    baseline: median(base),
    ratio: median(cand.map((c, k) => c / (base[k] as number))),
    samples: cand.length,
  };
}

function evaluations(): number {
  return ((globalThis as Record<string, unknown>)[EVALUATIONS] as number | undefined) ?? 0;
}

/** Indexes of the packages that declare plugins. */
function declaring(install: SyntheticInstall): number[] {
  return Array.from({ length: install.packages }, (_, i) => i).filter(declaresPlugins);
}

function plugin(i: number): string {
  return pluginNames(i)[0] as string;
}

function modulePath(install: SyntheticInstall, i: number): string {
  return join(install.cwd, 'node_modules', packageName(i), 'a.js');
}

function specifier(install: SyntheticInstall, i: number): string {
  return pluginSpecifiers(install, i)[0] as string;
}
