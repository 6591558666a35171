/**
 * Isolation: what one call costs when the plugin runs out of the host's
 * process. An isolated call is a message out and a message back, so its floor
 * is the bare round trip of the same messages with nothing of the project in
 * it: a worker, or a child process started with the plugin child's own flags,
 * that answers each message at once (children/isolation-echo.ts). Same
 * message shape, same serialization (structured clone, for the child's IPC
 * too). Each isolated call is held to at most 1.5x its floor: the stand-in,
 * the time limit armed per call, the id matching and the plugin's side (one
 * event-loop turn per request) must add less than half a round trip. The
 * in-process call is shown beside them, for scale.
 *
 * Everything runs on one core. A round trip is two wake-ups, and on the
 * 2-core machine of the docs page it took about 20 µs with the woken process
 * on the host's core, 50-65 µs with it on the other (over 120 µs when that
 * core was busy). The scheduler tends to leave a process where it first put
 * it, so two children started a moment apart can land apart, and the ratio
 * then measures that, not the isolation: 0.65x and 2.95x were read before
 * this pin, and with one child pinned to the other core by hand, 0.18x and
 * 5.7x. So this process pins all its threads to the core it runs on before
 * it starts any worker or child, which inherit the pin. It runs this
 * benchmark alone (run-benchmark.ts), so the pin reaches nothing else.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isolation } from '@plugin-patterns/isolation';
import type { Benchmark, Measured, RowSpec, RunContext } from '../benchmark.ts';
import {
  echoFloors,
  isolatedSteady,
  type Pollster,
  steadyIn,
} from '../fixtures/isolated-plugins.ts';
import {
  type AsyncBatch,
  type CompareOptions,
  type Comparison,
  compareAsync,
  rowOf,
} from '../harness/measure.ts';

/** Calls made on each side, untimed, before the first round: both reach their optimised code. */
const WARM_UP_CALLS = 3000;

/** Rounds of 4 ms (about 200 round trips a side on a quiet core): a scheduler's hiccup is one call in 200. */
const ROUNDS: CompareOptions = { rounds: 201, batchMs: 4 };
const QUICK_ROUNDS: CompareOptions = { rounds: 3, batchMs: 0.5 };

const FLOOR_WORKER =
  'a bare MessageChannel round trip to a worker that answers at once (children/isolation-echo.ts)';
const FLOOR_CHILD =
  'a bare IPC round trip (structured clone) to a child started with the same flags ' +
  '(--permission, --allow-fs-read of its one file) that answers at once';

/** The floors exactly, for the rows' detail (fixtures/isolated-plugins.ts starts them). */
const ECHO_WORKER =
  'children/isolation-echo.ts in a worker, each { kind, id, name, method, args } posted ' +
  'answered at once with { kind, id, value }';
const ECHO_CHILD =
  "children/isolation-echo.ts forked with the plugin child's flags (--permission, " +
  "--allow-fs-read of that one file), serialization 'advanced' and the same stdio, each " +
  '{ kind, id, name, method, args } sent answered at once with { kind, id, value }';

const rows: RowSpec[] = [
  {
    id: 'isolation-call-worker',
    label: 'one call to a plugin in a worker thread, awaited',
    unit: 'ns/call',
    baseline: FLOOR_WORKER,
    target: { on: 'ratio', max: 1.5, text: '≤1.5x' },
  },
  {
    id: 'isolation-call-child',
    label: 'one call to a plugin in a child process (--permission), awaited',
    unit: 'ns/call',
    baseline: FLOOR_CHILD,
    target: { on: 'ratio', max: 1.5, text: '≤1.5x' },
  },
  {
    id: 'isolation-call-in-process',
    label: 'the call in a worker thread, against the same call in the host process',
    unit: 'ns/call',
    baseline: 'one call to the same plugin loaded in the host process, awaited',
    target: undefined,
  },
];

export const isolationCall: Benchmark = {
  id: 'isolation-call',
  title: 'Isolation: one call',
  about:
    'One plugin (the honest `steady` pollster of @plugin-patterns/isolation) called through its ' +
    'stand-in in a worker thread and in a child process, each against the bare round trip of ' +
    'the same message, in the same serialization, to a worker or child (started with the same ' +
    'flags) that answers at once; calls one after the other, each awaited; and the worker call ' +
    'beside the same call in process, for what isolation costs. The host, its workers and its ' +
    'children are pinned to one core, so that where the scheduler puts each process does not ' +
    'decide the ratio (across two cores a round trip costs 2-3x more). A warm-up, then ' +
    'interleaved rounds of about 200 calls a side, the order swapped every round; figures are ' +
    'per call, medians, the ratio the median of per-round ratios.',
  file: 'bench/src/benchmarks/isolation-call.ts',
  rows,
  async run(context: RunContext) {
    const options = context.quick ? QUICK_ROUNDS : ROUNDS;
    // Before any worker or child starts: they inherit it.
    const placement = pinToOneCore();
    const worker = await isolatedSteady(isolation, 'worker');
    const child = await isolatedSteady(isolation, 'child');
    const inProcess = await steadyIn(undefined);

    const floors = echoFloors();
    const { worker: floorWorker, child: floorChild } = floors;
    const calls =
      (plugin: Pollster): AsyncBatch =>
      async (iterations) => {
        let seen = 0;
        for (let i = 0; i < iterations; i++) seen += ((await plugin.poll()) as unknown[]).length;
        return seen;
      };
    const inWorkerCalls = calls(worker.plugin);
    const inChildCalls = calls(child.plugin);
    const hereCalls = calls(inProcess);
    try {
      // The second half of the warm-up is timed, averaged over all its calls: a
      // round's batch is sized from that, not from one timed call that a hiccup
      // (or code not yet optimised) could make a hundred times too long.
      const warmUp = context.quick ? 2 : WARM_UP_CALLS;
      const perCall = new Map<AsyncBatch, number>();
      const sides = [floorWorker, inWorkerCalls, floorChild, inChildCalls, hereCalls];
      const seen: number[] = [];
      for (const side of sides) {
        const half = Math.ceil(warmUp / 2);
        const first = await side(warmUp - half);
        const started = process.hrtime.bigint();
        seen.push(first + (await side(half)));
        perCall.set(side, Number(process.hrtime.bigint() - started) / half);
      }
      if (seen.some((count) => count !== seen[0])) {
        throw new Error(`the isolated calls and their floors do not agree: ${seen.join(', ')}`);
      }
      const compare = (baseline: AsyncBatch, candidate: AsyncBatch) => {
        const slower = Math.max(perCall.get(baseline) ?? 0, perCall.get(candidate) ?? 0);
        const iterations = Math.max(1, Math.round((options.batchMs * 1e6) / slower));
        return compareAsync(baseline, candidate, { ...options, iterations });
      };
      context.log('isolation: worker call');
      const inWorker = await compare(floorWorker, inWorkerCalls);
      context.log('isolation: child call');
      const inChild = await compare(floorChild, inChildCalls);
      context.log('isolation: in-process call');
      const here = await compare(hereCalls, inWorkerCalls);
      const row = (result: Comparison, floor: string): Measured => ({
        ...rowOf(result),
        detail: `floor: ${floor}; ${placement}; calls a side a round: ${result.iterations}, after ${warmUp} untimed`,
      });
      return {
        'isolation-call-worker': row(inWorker, ECHO_WORKER),
        'isolation-call-child': row(inChild, ECHO_CHILD),
        'isolation-call-in-process': row(here, 'the same call to the plugin loaded in process'),
      };
    } finally {
      await Promise.all([worker.close(), child.close(), floors.close()]);
    }
  },
};

/**
 * Pins this process, every thread of it, to the core it is running on (Linux,
 * `taskset`); the workers and children it starts afterwards inherit the pin.
 * Says what it did, for the rows' detail.
 */
function pinToOneCore(): string {
  if (process.platform !== 'linux') return 'not pinned to a core (not Linux)';
  try {
    const cpu = lastCpu(readFileSync('/proc/self/stat', 'utf8'));
    const args = ['--all-tasks', '--cpu-list', '--pid', cpu, String(process.pid)];
    execFileSync('taskset', args, { stdio: 'ignore' });
    return `host, workers and children pinned to CPU ${cpu} (taskset)`;
  } catch (error) {
    // No taskset, or a /proc without the field: measured as placed, and the detail says so.
    return `not pinned to a core (${(error as Error).message.split('\n')[0]})`;
  }
}

/**
 * The CPU a process last ran on: field 39 of its `/proc/<pid>/stat` line. The
 * name (field 2) is in parentheses and may hold spaces and parentheses of its
 * own, so fields are counted from after its last `)`, where field 3 starts.
 */
export function lastCpu(stat: string): string {
  const cpu = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[39 - 3];
  if (cpu === undefined || !/^\d+$/.test(cpu)) throw new Error(`no CPU in "${stat.trim()}"`);
  return cpu;
}
