/**
 * What tracing costs when nobody listens. Every plugin call of the iterator
 * goes through `callOne`, which asks the loader's call channel whether
 * anyone is subscribed before it calls the plugin; only then does it publish
 * the call. This benchmark measures that one question, over a run of map
 * across ten synchronous plugins.
 *
 * The baseline is the same run with the tracing code absent: the iterator's
 * map loop (`runMap`) written out here step for step, through the same
 * parts (`contain`, the loader's `isThenable`), the same note of the plugin
 * at work and the same blame (`callFailed`, inside `contain`), with a
 * `callOne` that calls the plugin without asking the channel. Both sides run on the same plan, policy and plugins, so the ratio
 * is the check and nothing else. If map's loop changes, this copy must change
 * with it: the run checks that both give the same answers.
 *
 * A second row gives context: the same run with a subscriber on the channel
 * (empty handlers, so what is measured is the publishing, not a handler's
 * work), against the same baseline. It is measured second: Node turns a
 * channel active by changing its prototype, and code that has seen both
 * states no longer folds the check away, so the first row must come first.
 */
import { type TracingChannelSubscribers, tracingChannel } from 'node:diagnostics_channel';
import {
  contain,
  type Plan,
  planOf,
  type RunPolicy,
  runMap,
} from '@plugin-patterns/iterator/parts';
import type { Extension, PluginError } from '@plugin-patterns/loader';
import { atWorkNote, callEnded, isThenable } from '@plugin-patterns/loader/invocation';
import { CALL_CHANNEL } from '@plugin-patterns/loader/tracing';
import type { Benchmark, RowSpec, RunContext } from '../benchmark.ts';
import { asSet, type BenchPollster, syncPollsters } from '../fixtures/in-memory-plugins.ts';
import { CALL_PROCESSES, callRounds, compare, rowOf } from '../harness/measure.ts';

const rows: RowSpec[] = [
  {
    id: 'tracing-off',
    label: 'map, 10 sync plugins, tracing built in, nobody listening',
    unit: 'ns/run',
    baseline: 'the same map loop with the tracing check taken out of callOne',
    target: { on: 'ratio', max: 1.05, text: '≤1.05x' },
    ifMissed:
      'the only difference between the two sides is `callChannel.hasSubscribers`, asked ' +
      'before each plugin call: a getter that reads five channels, each answering false ' +
      'while nobody subscribes. A miss means V8 no longer folds that read into the loop',
  },
  {
    id: 'tracing-on',
    label: 'map, 10 sync plugins, a subscriber on the call channel',
    unit: 'ns/run',
    baseline: 'the same map loop with the tracing check taken out of callOne',
    target: undefined,
  },
];

type Call = (plugin: BenchPollster) => unknown;

/**
 * `runMap` (packages/patterns-iterator/src/map.ts) for sync answers, without
 * tracing: the same plugin-at-work note, the same lists, the same result.
 */
function untracedMap(
  plan: Plan<BenchPollster>,
  call: Call,
  policy: RunPolicy,
): { values: unknown[]; from: readonly Extension<BenchPollster>[]; failures: PluginError[] } {
  const { extensions, objects } = plan;
  const values: unknown[] = [];
  const failed: Extension<BenchPollster>[] = [];
  const failures: PluginError[] = [];
  const atWork = atWorkNote();
  const before = atWork.plugin;
  try {
    for (let i = 0; i < extensions.length; i++) {
      const extension = extensions[i] as Extension<BenchPollster>;
      atWork.plugin = extension;
      atWork.method = policy.guard.method;
      try {
        const answer = untracedCallOne(objects[i] as BenchPollster, call);
        if (isThenable(answer)) throw new Error('this benchmark is sync only');
        values.push(answer);
      } catch (thrown) {
        contain(extension, thrown, failures, policy);
        failed.push(extension);
      }
    }
  } finally {
    callEnded(before);
  }
  const from =
    failed.length === 0 ? plan.extensions : plan.extensions.filter((e) => !failed.includes(e));
  return { values, from, failures };
}

/** `callOne` (packages/patterns-iterator/src/call-one.ts) without the channel check. */
function untracedCallOne(object: BenchPollster, call: Call): unknown {
  return call(object);
}

export const tracingOff: Benchmark = {
  id: 'tracing-off',
  title: 'Tracing: its cost when nobody listens',
  about:
    "One run of the iterator's map over ten synchronous plugins, as the package ships it " +
    '(each call asks the `plugin-patterns:call` channel whether anyone listens), against the ' +
    'same loop with that question taken out; then with a subscriber. Interleaved rounds; ' +
    'figures are per run of ten calls.',
  file: 'bench/src/benchmarks/tracing-off.ts',
  rows,
  processes: CALL_PROCESSES,
  async run(context: RunContext) {
    const plan = planOf(asSet('bench.pollster', syncPollsters()).extensions);
    const policy: RunPolicy = {
      namespace: 'bench.pollster',
      onError: 'collect',
      onEmpty: 'empty',
      guard: {},
      emptyError: () => {
        throw new Error('the plan is not empty');
      },
    };
    const poll: Call = (plugin) => plugin.poll();

    const untraced = (iterations: number): number => {
      let seen = 0;
      for (let i = 0; i < iterations; i++) {
        const { values } = untracedMap(plan, poll, policy);
        seen += values.length + (values[9] as number);
      }
      return seen;
    };
    const shipped = (iterations: number): number => {
      let seen = 0;
      for (let i = 0; i < iterations; i++) {
        const { values } = runMap(plan, poll, policy) as { values: number[] };
        seen += values.length + (values[9] as number);
      }
      return seen;
    };
    if (untraced(2) !== shipped(2)) throw new Error('the two map runs do not agree');

    const options = callRounds(context.quick);
    context.log('tracing: map with nobody listening, against the loop without tracing');
    const off = compare(untraced, shipped, options);

    // Subscribed once for the whole comparison, as a host subscribes at
    // start-up: the baseline never asks the channel, so it is unaffected.
    const channel = tracingChannel(CALL_CHANNEL);
    const nothing = (): void => {};
    const handlers: TracingChannelSubscribers<object> = {
      start: nothing,
      end: nothing,
      asyncStart: nothing,
      asyncEnd: nothing,
      error: nothing,
    };
    context.log('tracing: map with a subscriber, against the loop without tracing');
    channel.subscribe(handlers);
    let on: ReturnType<typeof compare>;
    try {
      on = compare(untraced, shipped, options);
    } finally {
      channel.unsubscribe(handlers);
    }
    return { 'tracing-off': rowOf(off), 'tracing-on': rowOf(on) };
  },
};
