/**
 * Startup: what a whole process costs, from spawn to exit, when it finds its
 * plugins and makes its first call, against a process that imports the same
 * modules directly and calls them. This is what a CLI, a serverless function
 * or a short job pays on every start, and what the benchmarks that time a
 * load inside a warm process cannot show: there, the loader's modules are
 * already imported and its load path already compiled.
 *
 * Every process runs the built packages (harness/built.ts): `dist/`, resolved
 * through the packages' `exports`, no type stripping. Two jobs, each four ways:
 *
 * - the driver: one storage driver by name out of 1,000 installed plugins;
 * - the iterator: the 10 pollsters among the same 1,000 packages, each polled;
 *
 * by a direct import (the baseline), by a cold package scan (no cache: every
 * manifest read), by a package scan answered from the discovery cache
 * (written by an untimed run first), and by a static manifest (written
 * beforehand, as at build time). Two more rows set the static manifest in a
 * host bundled by esbuild against the direct imports bundled the same way
 * (fixtures/bundled-hosts.ts): the application the manifest is made for.
 * And each way has its floor (built/floor.js): the plugins found that way by
 * a short script written for this install, with no loader. A target below
 * its way's floor is out of reach of any loader that reads the same files,
 * and the row says so.
 * Each round starts one process of each way,
 * in an order that rotates from round to round; a row is the median of its
 * processes, and its ratio the median of the per-round ratios. The detail
 * gives the range, and splits the time over the baseline into what passed
 * before the host's first line ran (importing the packages) and after.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeStaticManifest } from '@plugin-patterns/loader/discovery';
import type { Benchmark, Measured, RunContext } from '../benchmark.ts';
import { bundleHosts } from '../fixtures/bundled-hosts.ts';
import { installSize } from '../fixtures/installs.ts';
import {
  declaresPollster,
  describeInstall,
  packageName,
  pluginNames,
  pollster,
  type SyntheticInstall,
} from '../fixtures/synthetic-install.ts';
import { type HostResult, requireBuild, runBuilt, type TimedHost } from '../harness/built.ts';
import { median } from '../harness/stats.ts';
import { rows } from './startup-rows.ts';

const ROUNDS = 15;
const COUNT_MODULES = pathToFileURL(
  join(import.meta.dirname, '..', 'built', 'count-modules.js'),
).href;

interface Way {
  readonly id: string;
  readonly host: string;
  readonly args: readonly string[];
  /** Throws when the process did not do what the way claims (a cache miss, a missing call). */
  readonly check: (result: HostResult) => void;
}

export const startup: Benchmark = {
  id: 'startup',
  title: 'Startup (fresh processes, built packages)',
  about:
    'Whole processes, from spawn to exit, running the built packages (dist, no type stripping). ' +
    'The driver job loads one storage driver by name out of 1,000 installed plugins and calls it; ' +
    'the iterator job polls the 10 pollsters among the same 1,000 packages. Each job four ways: ' +
    'a direct import of the modules (the baseline), a cold package scan, a scan answered by the ' +
    'discovery cache, and a static manifest written beforehand. Each way also has its floor: ' +
    'the job done by a short script that finds its plugins that way by hand, with no loader, ' +
    'the least a loader reading the same files pays. Rounds rotate the order; each ' +
    'row is the median over its processes and its ratio the median of per-round ratios.',
  file: 'bench/src/benchmarks/startup.ts',
  rows,
  async run(context: RunContext) {
    requireBuild(['loader', 'patterns-driver', 'patterns-iterator'], context.quick);
    const install = context.installs.of(installSize(context.quick, 1000));
    const cwd = install.cwd;
    const cacheDir = context.installs.folder('startup-cache');
    const manifest = join(cwd, 'plugins.manifest.js');
    writeStaticManifest({ cwd, out: manifest });

    const driver = pluginNames(0)[0] as string;
    const driverFile = join(cwd, 'node_modules', packageName(0), 'a.js');
    const pollsters = pollstersOf(install);
    // The first scan with a cache folder writes the cache: untimed, so that every timed one reads it.
    const writer = runBuilt('driver-scan.js', [cwd, cacheDir, driver]);
    if (writer.result.fromCache !== false)
      throw new Error('the first scan did not write the cache');
    const cacheFile = onlyFileIn(cacheDir);

    const one = (result: HostResult) => expectEvaluated(result, 1);
    const all = (result: HostResult) => {
      expectEvaluated(result, pollsters.length);
      if (result.samples !== pollsters.length) throw new Error(`${result.samples} samples`);
    };
    const cached = (expected: boolean, then: (r: HostResult) => void) => (result: HostResult) => {
      if (result.fromCache !== expected) throw new Error(`fromCache is ${result.fromCache}`);
      then(result);
    };
    const checkedManifest = (then: (r: HostResult) => void) => (result: HostResult) => {
      if (result.checked !== true)
        throw new Error('the manifest was not checked against the install');
      then(result);
    };
    const jobs = {
      driver: [
        { id: 'direct', host: 'driver-direct.js', args: [driverFile], check: one },
        {
          id: 'warm',
          host: 'driver-scan.js',
          args: [cwd, cacheDir, driver],
          check: cached(true, one),
        },
        {
          id: 'cold',
          host: 'driver-scan.js',
          args: [cwd, 'none', driver],
          check: cached(false, one),
        },
        {
          id: 'manifest',
          host: 'driver-manifest.js',
          args: [cwd, manifest, driver],
          check: checkedManifest(one),
        },
        ...floors(cwd, 'bench.storage', driver, manifest, cacheFile, [driverFile], one),
      ],
      iterator: [
        {
          id: 'direct',
          host: 'iterator-direct.js',
          args: pollsters.map((p) => p.file),
          check: all,
        },
        { id: 'warm', host: 'iterator-scan.js', args: [cwd, cacheDir], check: cached(true, all) },
        { id: 'cold', host: 'iterator-scan.js', args: [cwd, 'none'], check: cached(false, all) },
        {
          id: 'manifest',
          host: 'iterator-manifest.js',
          args: [cwd, manifest],
          check: checkedManifest(all),
        },
        ...floors(
          cwd,
          'bench.pollster',
          '*',
          manifest,
          cacheFile,
          pollsters.map((p) => p.file),
          all,
        ),
      ],
    } satisfies Record<string, Way[]>;

    context.log('startup: bundling the hosts with esbuild');
    const bundles = await bundleHosts(install, pollsterIndexes(install));
    const bundled = (id: string, check: (r: HostResult) => void): Way => ({
      id: `bundled-${id}`,
      host: bundles[id] as string,
      args: [cwd],
      check,
    });

    const rounds = context.quick ? 1 : ROUNDS;
    const ways: Way[] = [
      { id: 'node', host: 'empty.js', args: [], check: () => {} },
      ...jobs.driver.map((w) => ({ ...w, id: `driver-${w.id}` })),
      ...jobs.iterator.map((w) => ({ ...w, id: `iterator-${w.id}` })),
      bundled('driver-direct', one),
      bundled('driver-manifest', one),
      bundled('iterator-direct', all),
      bundled('iterator-manifest', all),
      bundled('driver-floor', one),
      bundled('iterator-floor', all),
    ];
    // One untimed run of each way first, counting the modules it loads (and
    // bringing its files into the page cache, as for every later run).
    const modules = new Map(ways.map((w) => [w.id, countModules(w)]));
    context.log(`startup: ${rounds} rounds of ${ways.length} processes`);
    const times = rotated(ways, rounds);

    const measured: Record<string, Measured> = {};
    const node = times.get('node') ?? [];
    const counted = (way: string, base: string) =>
      `${modules.get(way)} modules loaded (baseline ${modules.get(base)})`;
    for (const job of ['driver', 'iterator'] as const) {
      // The row, then the ways of its process, its floor and its baseline.
      const pairs = [
        ...['warm', 'cold', 'manifest'].map((way) => ({
          row: `startup-${job}-${way}`,
          floorRow: `startup-${job}-floor-${way}`,
          way: `${job}-${way}`,
          floorWay: `${job}-floor-${way}`,
          baseWay: `${job}-direct`,
        })),
        {
          row: `startup-${job}-bundled-manifest`,
          floorRow: `startup-${job}-floor-bundled`,
          way: `bundled-${job}-manifest`,
          floorWay: `bundled-${job}-floor`,
          baseWay: `bundled-${job}-direct`,
        },
      ];
      for (const { row, floorRow, way, floorWay, baseWay } of pairs) {
        const max = rows.find((r) => r.id === row)?.target?.max;
        if (max === undefined) throw new Error(`startup: no targeted row ${row}`);
        const base = times.get(baseWay) ?? [];
        const floor = compare(
          base,
          times.get(floorWay) ?? [],
          node,
          install,
          counted(floorWay, baseWay),
        );
        const detail =
          `${counted(way, baseWay)}; the floor of this way, with no loader: ` +
          `${floor.value.toFixed(1)} ms, ${floor.ratio.toFixed(2)}x, ` +
          (floor.ratio > max
            ? 'over the target by itself: no loader that reads this file can meet it here'
            : "within the target: what is over it is the loader's");
        measured[row] = compare(base, times.get(way) ?? [], node, install, detail);
        measured[floorRow] = {
          ...floor,
          detail: `${floor.detail}; found by hand (bench/src/built/floor.js${way.startsWith('bundled-') ? ', bundled' : ''})`,
        };
      }
    }
    return measured;
  },
};

/** The floor.js processes of one job: each way done by hand, no loader. */
function floors(
  cwd: string,
  namespace: string,
  name: string,
  manifest: string,
  cacheFile: string,
  files: readonly string[],
  check: (result: HostResult) => void,
): Way[] {
  const floor = (way: string, ...args: string[]): Way => ({
    id: `floor-${way}`,
    host: 'floor.js',
    args: [way, cwd, namespace, name, ...args],
    check,
  });
  return [floor('warm', cacheFile, ...files), floor('cold'), floor('manifest', manifest)];
}

/** The one file the first scan wrote into the cache folder. */
function onlyFileIn(dir: string): string {
  const files = readdirSync(dir);
  if (files.length !== 1)
    throw new Error(`${dir} holds ${files.length} files, not the one cache file`);
  return join(dir, files[0] as string);
}

/** Runs each way once per round, the first way of round k being way k (mod the count). */
function rotated(ways: readonly Way[], rounds: number): Map<string, TimedHost[]> {
  const times = new Map(ways.map((w) => [w.id, [] as TimedHost[]]));
  for (let k = 0; k < rounds; k++) {
    for (let j = 0; j < ways.length; j++) {
      const way = ways[(j + k) % ways.length] as Way;
      const timed = runBuilt(way.host, way.args);
      way.check(timed.result);
      times.get(way.id)?.push(timed);
    }
  }
  return times;
}

function compare(
  base: readonly TimedHost[],
  cand: readonly TimedHost[],
  node: readonly TimedHost[],
  install: SyntheticInstall,
  modules: string,
): Measured {
  const value = median(cand.map((t) => t.ms));
  const baseline = median(base.map((t) => t.ms));
  const ratio = median(cand.map((t, k) => t.ms / (base[k] as TimedHost).ms));
  // Where the extra time goes: before the host's first line (Node importing its packages), and after.
  const before = median(cand.map((t) => t.result.ready)) - median(base.map((t) => t.result.ready));
  const after =
    median(cand.map((t) => t.result.done - t.result.ready)) -
    median(base.map((t) => t.result.done - t.result.ready));
  return {
    value,
    baseline,
    ratio,
    samples: cand.length,
    detail:
      `${describeInstall(install)}; range ${range(cand)} ms, baseline ${range(base)} ms, ` +
      `node alone ${median(node.map((t) => t.ms)).toFixed(1)} ms; over the baseline: ` +
      `${ms(before)} before the host's first line, ${ms(after)} after it; ${modules}`,
  };
}

/** The modules a way's process loads (node: builtins aside), counted by a preloaded hook. */
function countModules(way: Way): number {
  const { result } = runBuilt(way.host, way.args, ['--import', COUNT_MODULES]);
  way.check(result);
  return (result.modules as number | undefined) ?? 0;
}

function range(times: readonly TimedHost[]): string {
  const all = times.map((t) => t.ms);
  return `${Math.min(...all).toFixed(1)}-${Math.max(...all).toFixed(1)}`;
}

function ms(n: number): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(1)} ms`;
}

function expectEvaluated(result: HostResult, count: number): void {
  if (result.evaluated !== count) {
    throw new Error(`the process evaluated ${result.evaluated} plugin modules, not ${count}`);
  }
}

/** The pollsters of the install: name and module file. */
function pollstersOf(install: SyntheticInstall): { name: string; file: string }[] {
  return pollsterIndexes(install).map((i) => pollster(install, i));
}

/** The indexes of the packages that declare a pollster. */
function pollsterIndexes(install: SyntheticInstall): number[] {
  return Array.from({ length: install.packages }, (_, i) => i).filter(declaresPollster);
}
