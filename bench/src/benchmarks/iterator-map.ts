/**
 * Invocation by the iterator: runs of `map` over synchronous plugins, with
 * per-plugin error containment on (the default: a throw is caught, recorded
 * and collected, and the run goes on), at four shapes: 10, 100 and 1,000
 * plugins, and a host that maps two callbacks over the same ten plugins.
 *
 * The default `map` is the plain loop. Its baseline is the loop a host would
 * write by hand with no containment at all: call each plugin, push its
 * answer. The target holds at every shape: a plain loop is fast because it
 * is a loop, not because of the shape it was measured at. One more row, for
 * context, sets map beside a hand-written loop that behaves like it (a try
 * per plugin, failures kept, each answer checked for a promise), so the page
 * shows what the containment costs apart from what map adds to it.
 *
 * Beside it, for the lesson of docs/how-tapable-gets-its-speed.md, the
 * compiled opt-in (`@plugin-patterns/iterator/compiled`, one function per
 * plan and per callback, with a call site per plugin) runs next to tapable's
 * SyncHook, webpack's hook runner, which compiles one function per hook, and
 * next to the same hand-written loop. Those rows give context: no target.
 */
import { IteratorManager } from '@plugin-patterns/iterator';
import { CompiledIteratorManager } from '@plugin-patterns/iterator/compiled';
import { isThenable } from '@plugin-patterns/loader/invocation';
import { SyncHook } from 'tapable';
import type { Benchmark, Measured, RowSpec, RunContext } from '../benchmark.ts';
import { asSet, type BenchPollster, syncPollsters } from '../fixtures/in-memory-plugins.ts';
import { type Batch, CALL_PROCESSES, callRounds, compare, rowOf } from '../harness/measure.ts';

/** The shapes measured: how many plugins, and how many callbacks the host maps. */
const SHAPES = [
  { key: '10', plugins: 10, callbacks: 1, label: '10 sync plugins' },
  { key: '100', plugins: 100, callbacks: 1, label: '100 sync plugins' },
  { key: '1000', plugins: 1000, callbacks: 1, label: '1,000 sync plugins' },
  { key: 'two-callbacks', plugins: 10, callbacks: 2, label: '10 sync plugins, two callbacks' },
] as const;
type Shape = (typeof SHAPES)[number];

const HAND_LOOP = 'a for loop over the same plugins, no containment';
const CONTAINED_LOOP =
  'a for loop over the same plugins with the same containment: a try per plugin, ' +
  'failures kept, each answer checked for a promise';

const rows: RowSpec[] = [
  ...SHAPES.map(
    (shape): RowSpec => ({
      id: plainId(shape),
      label: `IteratorManager.map, ${shape.label}, containment on`,
      unit: 'ns/run',
      baseline: HAND_LOOP,
      target: { on: 'ratio', max: 1.1, text: '≤1.1x' },
      ifMissed:
        'map is the loop a reader would write (map.ts): per plugin it adds a try, a ' +
        'thenable check and two assignments noting the plugin at work and its method (so that a plugin ' +
        'calling process.exit() is named: about 4-6% of a run of ten trivial plugins, ' +
        'measured against the same loop without it), and per run the question whether ' +
        'anyone traces (about 3%), two arrays and a result object, a fixed cost that ten ' +
        'trivial plugins do not amortise. Against a hand-written loop with the same ' +
        'containment, the context row below, it measured 1.05-1.14x ' +
        '(0.99-1.03x without the note). A miss at every shape means the loop grew',
    }),
  ),
  {
    id: 'iterator-map-contained-loop',
    label: 'IteratorManager.map, 10 sync plugins, against a loop with the same containment',
    unit: 'ns/run',
    baseline: CONTAINED_LOOP,
    target: undefined,
  },
  ...SHAPES.map(
    (shape): RowSpec => ({
      id: `compiled-map-vs-tapable-${shape.key}`,
      label: `compiled map (opt-in), ${shape.label}`,
      unit: 'ns/run',
      baseline: `tapable's SyncHook.call over the same plugins${shape.callbacks > 1 ? ' (one hook per callback)' : ''}`,
      target: undefined,
    }),
  ),
  ...SHAPES.map(
    (shape): RowSpec => ({
      id: `compiled-map-${shape.key}`,
      label: `compiled map (opt-in), ${shape.label}, against the loop`,
      unit: 'ns/run',
      baseline: HAND_LOOP,
      target: undefined,
    }),
  ),
  {
    id: 'tapable-sync-hook',
    label: "tapable's SyncHook.call, 10 taps",
    unit: 'ns/run',
    baseline: HAND_LOOP,
    target: undefined,
  },
];

export const iteratorMap: Benchmark = {
  id: 'iterator-map',
  title: 'Invocation: the iterator (map, sync)',
  about:
    'One run calls every plugin (each of its own class, one `poll()` each) and keeps every ' +
    'answer; with two callbacks, one run maps `poll()` and then `size()` over the same ' +
    'plugins. The host callbacks are defined once, outside the loop, as a host would keep ' +
    'them; the compiled map is compiled once per callback before timing. Interleaved ' +
    'rounds; figures are per run.',
  file: 'bench/src/benchmarks/iterator-map.ts',
  rows,
  processes: CALL_PROCESSES,
  async run(context: RunContext) {
    const options = callRounds(context.quick);
    const results: Record<string, Measured> = {};
    for (const shape of SHAPES) {
      const ways = waysOf(shape);
      // Every way must give the same answers before any is timed.
      const expected = ways.loop(2);
      for (const [name, way] of Object.entries(ways)) {
        if (way(2) !== expected) throw new Error(`${name} disagrees with the loop (${shape.key})`);
      }
      context.log(`iterator map, ${shape.label}: plain map against a for loop`);
      results[plainId(shape)] = rowOf(compare(ways.loop, ways.plain, options));
      context.log(`iterator map, ${shape.label}: compiled map against tapable`);
      results[`compiled-map-vs-tapable-${shape.key}`] = rowOf(
        compare(ways.tapable, ways.compiled, options),
      );
      context.log(`iterator map, ${shape.label}: compiled map against a for loop`);
      results[`compiled-map-${shape.key}`] = rowOf(compare(ways.loop, ways.compiled, options));
      if (shape.key === '10') {
        context.log('iterator map: plain map against a for loop with the same containment');
        results['iterator-map-contained-loop'] = rowOf(
          compare(ways.contained, ways.plain, options),
        );
        context.log('iterator map: tapable against a for loop');
        results['tapable-sync-hook'] = rowOf(compare(ways.loop, ways.tapable, options));
      }
    }
    return results;
  },
};

function plainId(shape: Shape): string {
  return shape.key === '10' ? 'iterator-map' : `iterator-map-${shape.key}`;
}

/** The five ways of running one shape, each a batch that returns what it saw. */
function waysOf(
  shape: Shape,
): Record<'loop' | 'contained' | 'plain' | 'compiled' | 'tapable', Batch> {
  const plugins = syncPollsters(shape.plugins);
  const last = shape.plugins - 1;
  const set = asSet('bench.pollster', plugins);
  const plain = new IteratorManager(set);
  const compiled = new CompiledIteratorManager(set);
  const poll = (plugin: BenchPollster): number => plugin.poll();
  const size = (plugin: BenchPollster): number => plugin.size();
  const callbacks = shape.callbacks === 1 ? [poll] : [poll, size];
  const compiledRuns = callbacks.map((call) => compiled.compile(call));
  // Each hook's taps call the plugin's method themselves, as a host tapping
  // webpack would write them, so each hook's code sees one method.
  const hooks = [new SyncHook<[number[]]>(['answers'])];
  if (shape.callbacks > 1) hooks.push(new SyncHook<[number[]]>(['answers']));
  for (const [k, plugin] of plugins.entries()) {
    hooks[0]?.tap(`plugin-${k}`, (answers) => {
      answers.push(plugin.poll());
    });
    hooks[1]?.tap(`plugin-${k}`, (answers) => {
      answers.push(plugin.size());
    });
  }

  const loop: Batch = (iterations) => {
    let seen = 0;
    for (let i = 0; i < iterations; i++) {
      const answers: number[] = [];
      for (let p = 0; p < plugins.length; p++) answers.push((plugins[p] as BenchPollster).poll());
      seen += answers.length + (answers[last] as number);
      if (shape.callbacks > 1) {
        const sizes: number[] = [];
        for (let p = 0; p < plugins.length; p++) sizes.push((plugins[p] as BenchPollster).size());
        seen += sizes.length + (sizes[last] as number);
      }
    }
    return seen;
  };
  // What map does, written by hand for this one host: each call in a try, a
  // failure kept with its plugin, an answer that is a promise refused (this
  // host's plugins are sync), the answers and failures returned together.
  const contained: Batch = (iterations) => {
    let seen = 0;
    for (let i = 0; i < iterations; i++) {
      for (const call of callbacks) {
        const values: number[] = [];
        const failures: { plugin: BenchPollster; error: unknown }[] = [];
        for (let p = 0; p < plugins.length; p++) {
          const plugin = plugins[p] as BenchPollster;
          try {
            const answer: unknown = call(plugin);
            if (isThenable(answer)) throw new TypeError('a sync plugin answered with a promise');
            values.push(answer as number);
          } catch (error) {
            failures.push({ plugin, error });
          }
        }
        const run = { values, failures };
        seen += run.values.length + (run.values[last] as number) + run.failures.length;
      }
    }
    return seen;
  };
  const viaPlain: Batch = (iterations) => {
    let seen = 0;
    for (let i = 0; i < iterations; i++) {
      for (const call of callbacks) {
        const { values } = plain.map(call);
        seen += values.length + (values[last] as number);
      }
    }
    return seen;
  };
  const viaCompiled: Batch = (iterations) => {
    let seen = 0;
    for (let i = 0; i < iterations; i++) {
      for (const run of compiledRuns) {
        const { values } = run() as { values: number[] };
        seen += values.length + (values[last] as number);
      }
    }
    return seen;
  };
  const viaTapable: Batch = (iterations) => {
    let seen = 0;
    for (let i = 0; i < iterations; i++) {
      for (const hook of hooks) {
        const answers: number[] = [];
        hook.call(answers);
        seen += answers.length + (answers[last] as number);
      }
    }
    return seen;
  };
  return { loop, contained, plain: viaPlain, compiled: viaCompiled, tapable: viaTapable };
}
