/**
 * Isolation: what starting isolated plugins costs, and how sharing a worker
 * changes it. Ten plugins are loaded (imported and built over there, their
 * stand-ins handed back) and then closed: in one worker thread each, in one
 * worker shared by the namespace (the baseline), and in one child process
 * each. A worker is a V8 isolate with its own event loop; a child is a whole
 * Node process, under the permission model. These rows give context (how
 * many plugins a host can afford to isolate at start-up), no target. The
 * built package is measured (fixtures/isolated-plugins.ts).
 */
import type { IsolationOptions } from '@plugin-patterns/isolation';
import type { Benchmark, Measured, RowSpec, RunContext } from '../benchmark.ts';
import { builtIsolation, loadIsolated } from '../fixtures/isolated-plugins.ts';
import { type Comparison, compareAsync, rowOf } from '../harness/measure.ts';

const rows: RowSpec[] = [
  {
    id: 'isolation-startup-worker-per-plugin',
    label: 'load 10 plugins, a worker thread each, then close',
    unit: 'ms',
    baseline: 'the same 10 plugins in one worker for the namespace',
    target: undefined,
  },
  {
    id: 'isolation-startup-child-per-plugin',
    label: 'load 10 plugins, a child process each (--permission), then close',
    unit: 'ms',
    baseline: 'the same 10 plugins in one worker for the namespace',
    target: undefined,
  },
];

export const isolationStartup: Benchmark = {
  id: 'isolation-startup',
  title: 'Isolation: start-up',
  about:
    'Ten plugins (ten names for the honest `steady` pollster) loaded through an isolation and ' +
    'closed again, the closing awaited until every worker or child has ended: a worker per ' +
    'plugin, a child process per plugin, against one worker for the whole namespace. ' +
    'Interleaved rounds of one start each; the built package, as users run it.',
  file: 'bench/src/benchmarks/isolation-startup.ts',
  rows,
  async run(context: RunContext) {
    const options = { rounds: context.quick ? 2 : 7, batchMs: 0, iterations: 1 };
    const plugins = context.quick ? 3 : 10;
    const isolation = await builtIsolation(context.quick);
    const start = (mode: IsolationOptions) => async (iterations: number) => {
      for (let i = 0; i < iterations; i++) {
        await (await loadIsolated(isolation, mode, plugins)).close();
      }
      return iterations;
    };
    const shared = start({ mode: 'worker', share: 'namespace' });
    context.log('isolation: a worker per plugin');
    const perWorker = await compareAsync(shared, start({ mode: 'worker' }), options);
    context.log('isolation: a child per plugin');
    const perChild = await compareAsync(shared, start({ mode: 'child' }), options);
    const detail = `${plugins} plugins`;
    return {
      'isolation-startup-worker-per-plugin': { ...inMs(perWorker), detail },
      'isolation-startup-child-per-plugin': { ...inMs(perChild), detail },
    };
  },
};

/** A start takes milliseconds: the row says so. */
function inMs(result: Comparison): Measured {
  const row = rowOf(result);
  return { ...row, value: row.value / 1e6, baseline: row.baseline / 1e6 };
}
