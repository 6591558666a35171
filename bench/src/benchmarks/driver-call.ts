/**
 * Invocation by the driver: once loaded, a call to the driver is a call to
 * the plugin object itself — `DriverManager.driver` is the instance, not a
 * wrapper — so it should cost what a direct call costs. The baseline is the
 * same class imported and constructed by hand.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DriverManager } from '@plugin-patterns/driver';
import { packageScan } from '@plugin-patterns/loader';
import type { Benchmark, RowSpec, RunContext } from '../benchmark.ts';
import { installSize } from '../fixtures/installs.ts';
import { NAMESPACE, packageName, pluginNames } from '../fixtures/synthetic-install.ts';
import { CALL_PROCESSES, callRounds, compare, rowOf } from '../harness/measure.ts';

interface BenchDriver {
  write(batch: readonly unknown[]): number;
}

const rows: RowSpec[] = [
  {
    id: 'driver-call',
    label: 'manager.driver.write(batch)',
    unit: 'ns/call',
    baseline: 'the same method on an instance constructed directly',
    target: { on: 'ratio', max: 1.05, text: '≤1.05x (≈1.0)' },
  },
];

export const driverCall: Benchmark = {
  id: 'driver-call',
  title: 'Invocation: the driver',
  about:
    'One storage driver loaded by `DriverManager.load` (by name, constructed with arguments) ' +
    'from a synthetic install, against an instance of the same class made with `new`. ' +
    'Interleaved rounds; figures are per call.',
  file: 'bench/src/benchmarks/driver-call.ts',
  rows,
  processes: CALL_PROCESSES,
  async run(context: RunContext) {
    const install = context.installs.of(installSize(context.quick, 10));
    const manager = await DriverManager.load<BenchDriver>({
      namespace: NAMESPACE,
      sources: [packageScan({ cwd: install.cwd, cache: false })],
      name: pluginNames(0)[0] as string,
      args: [{ url: 'memory://' }],
    });
    const file = join(install.cwd, 'node_modules', packageName(0), 'a.js');
    const { Driver } = (await import(pathToFileURL(file).href)) as {
      Driver: new (options: { url: string }) => BenchDriver;
    };
    const instance = new Driver({ url: 'memory://' });
    const batch = [1, 2, 3];

    const directCall = (iterations: number): number => {
      let last = 0;
      for (let i = 0; i < iterations; i++) last = instance.write(batch);
      return last;
    };
    const driverCall = (iterations: number): number => {
      let last = 0;
      for (let i = 0; i < iterations; i++) last = manager.driver.write(batch);
      return last;
    };

    context.log('driver call');
    return { 'driver-call': rowOf(compare(directCall, driverCall, callRounds(context.quick))) };
  },
};
