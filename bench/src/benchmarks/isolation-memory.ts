/**
 * Isolation: the memory each isolated plugin costs. A worker thread is a V8
 * isolate inside the host's process, so its cost is what the host's RSS grows
 * by; a child process is a process of its own, so its cost is its own RSS.
 * Ten copies of the honest `steady` pollster are loaded each way and the
 * figure is per plugin; the baseline is the host process itself, so the ratio
 * says how many hosts' worth of memory each isolated plugin adds. Context
 * rows: what a host pays to isolate, no target. The built package is
 * measured (fixtures/isolated-plugins.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Isolation, IsolationOptions } from '@plugin-patterns/isolation';
import type { Benchmark, Measured, RowSpec, RunContext } from '../benchmark.ts';
import { builtIsolation, loadIsolated } from '../fixtures/isolated-plugins.ts';
import { median } from '../harness/stats.ts';

const MiB = 1024 * 1024;

const rows: RowSpec[] = [
  {
    id: 'isolation-memory-worker',
    label: 'RSS added per plugin, a worker thread each',
    unit: 'MiB',
    baseline: 'RSS of the host process before',
    target: undefined,
  },
  {
    id: 'isolation-memory-shared-worker',
    label: 'RSS added per plugin, one worker for the namespace',
    unit: 'MiB',
    baseline: 'RSS of the host process before',
    target: undefined,
  },
  {
    id: 'isolation-memory-child',
    label: 'RSS of each child process (--permission), one per plugin',
    unit: 'MiB',
    baseline: 'RSS of the host process before',
    target: undefined,
  },
];

export const isolationMemory: Benchmark = {
  id: 'isolation-memory',
  title: 'Isolation: memory',
  about:
    'Ten plugins loaded through an isolation and kept running: the growth of the host RSS per ' +
    'plugin, with a worker each and with one worker for the namespace, and the median RSS of ' +
    'each child process, with a child each (Linux: read from /proc). Repeated, and the median ' +
    'taken; the baseline is the host RSS before each start.',
  file: 'bench/src/benchmarks/isolation-memory.ts',
  rows,
  async run(context: RunContext) {
    const plugins = context.quick ? 3 : 10;
    const repeats = context.quick ? 1 : 5;
    const isolation = await builtIsolation(context.quick);
    const load = (options: IsolationOptions) => loadIsolated(isolation, options, plugins);
    const worker: number[] = [];
    const shared: number[] = [];
    const child: number[] = [];
    const host: number[] = [];
    for (let i = 0; i < repeats; i++) {
      context.log(`isolation memory: round ${i + 1} of ${repeats}`);
      host.push(settledRss());
      worker.push((await hostGrowth(() => load({ mode: 'worker' }))) / plugins);
      shared.push((await hostGrowth(() => load({ mode: 'worker', share: 'namespace' }))) / plugins);
      child.push(await childRss(() => load({ mode: 'child' }), plugins));
    }
    const row = (values: number[]): Measured => {
      const value = median(values) / MiB;
      const baseline = median(host) / MiB;
      return {
        value,
        baseline,
        ratio: value / baseline,
        samples: repeats,
        detail: `${plugins} plugins`,
      };
    };
    return {
      'isolation-memory-worker': row(worker),
      'isolation-memory-shared-worker': row(shared),
      'isolation-memory-child': row(child),
    };
  },
};

/** How much the host's RSS grows while the plugins are loaded. */
async function hostGrowth(load: () => Promise<Isolation<unknown>>): Promise<number> {
  const before = settledRss();
  const isolated = await load();
  const during = process.memoryUsage().rss;
  await isolated.close();
  return during - before;
}

/** The median RSS of the children while `plugins` plugins run in one each. */
async function childRss(load: () => Promise<Isolation<unknown>>, plugins: number): Promise<number> {
  const isolated = await load();
  const sizes = childPids().map(rssOf);
  await isolated.close();
  if (sizes.length < plugins) throw new Error(`found ${sizes.length} of ${plugins} children`);
  return median(sizes);
}

function settledRss(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss;
}

/** This process's children, from every thread's /proc children list (Linux). */
function childPids(): number[] {
  const tasks = `/proc/${process.pid}/task`;
  return readdirSync(tasks).flatMap((task) =>
    readFileSync(`${tasks}/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}
