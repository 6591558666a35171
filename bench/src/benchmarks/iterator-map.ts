/**
 * Invocation by the iterator: one run of `map` over ten synchronous plugins,
 * with per-plugin error containment on (the default: a throw is caught,
 * recorded and collected, and the run goes on). The baseline is the loop a
 * host would write by hand with no containment at all: call each plugin, push
 * its answer. tapable's SyncHook, the hook runner of webpack, runs beside it
 * over the same plugins; it has no containment (a throwing tap ends the call).
 *
 * A loop calls ten plugin classes from one call site, which V8 cannot inline
 * (megamorphic); tapable compiles a function per hook with a call site per
 * tap. Map does the same per plan (the iterator's unrolled-map.ts): from a
 * plan's second run, a compiled function with one call site per plugin and
 * the plugins bound in as constants, containment included. So the baseline
 * loop is the slow one here, and matching tapable means containment costs
 * nothing measurable.
 */
import { IteratorManager } from '@plugin-patterns/iterator';
import { SyncHook } from 'tapable';
import type { Benchmark, RowSpec, RunContext } from '../benchmark.ts';
import { asSet, type BenchPollster, syncPollsters } from '../fixtures/in-memory-plugins.ts';
import { CALL_PROCESSES, callRounds, compare, rowOf } from '../harness/measure.ts';

const rows: RowSpec[] = [
  {
    id: 'iterator-map',
    label: 'IteratorManager.map, 10 sync plugins, containment on',
    unit: 'ns/run',
    baseline: 'a for loop over the same plugins, no containment',
    target: { on: 'ratio', max: 1.1, text: '≤1.1x' },
    ifMissed:
      "map runs a function compiled for its plan (one call site per plugin, each plugin's call " +
      'inlined by V8), several times faster than a loop over ten classes. Without it (code ' +
      'generation refused, `codeGeneration: false`, more than 32 plugins) map runs its own loop, ' +
      'about 1.03x this baseline: a miss means that loop, too, got slower',
  },
  {
    id: 'iterator-map-vs-tapable',
    label: 'IteratorManager.map, against tapable',
    unit: 'ns/run',
    baseline: "tapable's SyncHook.call over the same plugins",
    target: { on: 'ratio', max: 1, text: '≤1.0x (match it)' },
    ifMissed:
      'both compile: tapable a function per hook, map one per plan, each with a call site per ' +
      'plugin that V8 inlines. Map adds per plugin a try and a thenable check (a `then` read ' +
      'that V8 folds away for a number), and per run a result object beside the values array; ' +
      'in trials it ran at 0.82x to 1.02x tapable (the higher figures on a loaded machine)',
  },
  {
    id: 'tapable-sync-hook',
    label: "tapable's SyncHook.call, 10 taps",
    unit: 'ns/run',
    baseline: 'a for loop over the same plugins, no containment',
    target: undefined,
  },
];

export const iteratorMap: Benchmark = {
  id: 'iterator-map',
  title: 'Invocation: the iterator (map, sync)',
  about:
    'One run calls ten synchronous plugins (ten classes, one `poll()` each) and keeps every ' +
    'answer. The host callback is defined once, outside the loop, as a host would keep it; ' +
    "map's figures are its plan's compiled run, which it makes at the plan's second run. " +
    'Interleaved rounds; figures are per run of ten calls.',
  file: 'bench/src/benchmarks/iterator-map.ts',
  rows,
  processes: CALL_PROCESSES,
  async run(context: RunContext) {
    const plugins = syncPollsters();
    const manager = new IteratorManager(asSet('bench.pollster', plugins));
    const poll = (plugin: BenchPollster): number => plugin.poll();
    const hook = new SyncHook<[number[]]>(['answers']);
    for (const [k, plugin] of plugins.entries()) {
      hook.tap(`plugin-${k}`, (answers) => {
        answers.push(plugin.poll());
      });
    }

    const forLoop = (iterations: number): number => {
      let seen = 0;
      for (let i = 0; i < iterations; i++) {
        const answers: number[] = [];
        for (let p = 0; p < plugins.length; p++) answers.push((plugins[p] as BenchPollster).poll());
        seen += answers.length + (answers[9] as number);
      }
      return seen;
    };
    const viaMap = (iterations: number): number => {
      let seen = 0;
      for (let i = 0; i < iterations; i++) {
        const { values } = manager.map(poll);
        seen += values.length + (values[9] as number);
      }
      return seen;
    };
    const viaTapable = (iterations: number): number => {
      let seen = 0;
      for (let i = 0; i < iterations; i++) {
        const answers: number[] = [];
        hook.call(answers);
        seen += answers.length + (answers[9] as number);
      }
      return seen;
    };
    // Two runs each before the harness calibrates: tapable compiles a hook at
    // its first call, map compiles a plan's run at its second, and a one-off
    // compile timed as a run would set the batch size.
    if (viaMap(2) !== forLoop(2) || viaTapable(2) !== forLoop(2)) {
      throw new Error('the three ways of calling the plugins do not agree');
    }

    const options = callRounds(context.quick);
    context.log('iterator map: against a for loop');
    const map = compare(forLoop, viaMap, options);
    context.log('iterator map: against tapable');
    const versus = compare(viaTapable, viaMap, options);
    context.log('iterator map: tapable against a for loop');
    const tapable = compare(forLoop, viaTapable, options);
    return {
      'iterator-map': rowOf(map),
      'iterator-map-vs-tapable': rowOf(versus),
      'tapable-sync-hook': rowOf(tapable),
    };
  },
};
