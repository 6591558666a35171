import {
  ExtensionSet,
  PluginCallError,
  PluginResultError,
  PluginTimeoutError,
} from '@plugin-patterns/loader';
import { type Pollster, readSample, type Sample } from '@plugin-patterns/meter-contracts';
import { CpuPollster, HypervisorPollster } from '@plugin-patterns/sample-plugins';
import { NeverSettlesPollster } from '@plugin-patterns/sample-plugins/faulty/never-settles';
import { ThrowsPollster } from '@plugin-patterns/sample-plugins/faulty/throws';
import { ThrowsNonErrorPollster } from '@plugin-patterns/sample-plugins/faulty/throws-non-error';
import { WrongShapePollster } from '@plugin-patterns/sample-plugins/faulty/wrong-shape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IteratorManager } from './iterator-manager.ts';
import { type CycleOptions, copyThenCheck, objectSample, pollOnce } from './poll-cycle.ts';
import { deferred, flushMicrotasks } from './test-plugins.ts';
import { FixedPollster, sample } from './test-pollsters.ts';

const OPTIONS: CycleOptions<Sample> = {
  timeoutMs: 1000,
  concurrency: 1,
  readSample,
  selfCheck: undefined,
};

const pollsters = (objects: Record<string, Pollster>) =>
  new IteratorManager(ExtensionSet.fromObjects<Pollster>('meter.pollster', objects));

/** A CPU pollster reading fixed counters: real sample-plugin code, deterministic numbers. */
const cpu = () =>
  new CpuPollster({
    cpus: () => [{ times: { user: 1, nice: 0, sys: 1, idle: 2, irq: 0 } }],
    loadavg: () => [0.5],
  });

describe('pollOnce: samples from every enabled pollster', () => {
  it('gathers them in plan order, including a real sample pollster', async () => {
    const harvest = await pollOnce<Pollster, Sample>(
      pollsters({ mem: new FixedPollster('memory.util'), cpu: cpu() }),
      OPTIONS,
    );
    expect(harvest.samples.map((s) => s.meter)).toEqual(['memory.util', 'cpu.util']);
    expect(harvest.samples[1]?.volume).toBe(50);
    expect(harvest).toMatchObject({ polled: 2, failures: [], disabled: [] });
  });
});

describe('pollOnce: the faulty sample pollsters', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('blames each one by name, with its own kind of error, and keeps the good samples', async () => {
    vi.useFakeTimers();
    const run = pollOnce<Pollster, Sample>(
      pollsters({
        throws: new ThrowsPollster(),
        good: new FixedPollster('memory.util'),
        'never-settles': new NeverSettlesPollster(),
        'wrong-shape': new WrongShapePollster(),
        'throws-non-error': new ThrowsNonErrorPollster(),
      }),
      { ...OPTIONS, timeoutMs: 200 },
    );
    await vi.advanceTimersByTimeAsync(200);
    const harvest = await run;
    expect(harvest.samples.map((s) => s.meter)).toEqual(['memory.util']);
    expect(harvest.polled).toBe(5);
    expect(harvest.failures.map((f) => [f.plugin, f.constructor.name])).toEqual([
      ['throws', PluginCallError.name],
      ['never-settles', PluginTimeoutError.name],
      ['wrong-shape', PluginResultError.name],
      ['throws-non-error', PluginCallError.name],
    ]);
    expect(harvest.failures.map((f) => f.message)).toEqual([
      '[meter.pollster:throws] (invocation) call to poll() failed: throws: the sensor did not answer (this pollster always throws, on purpose)',
      '[meter.pollster:never-settles] (invocation) call to poll() did not settle within 200 ms',
      '[meter.pollster:wrong-shape] (invocation) returned an unusable result: expected an array of samples from poll(), got an object with keys volume (it is not an array)',
      '[meter.pollster:throws-non-error] (invocation) call to poll() failed: throws-non-error: sensor offline',
    ]);
  });
});

describe('pollOnce: an answer of the wrong shape', () => {
  it('keeps the good samples of that pollster and blames it for the invalid one', async () => {
    const halfBad: Pollster = {
      meters: ['x'],
      poll: () => [sample('x.ok', 1), { ...sample('x.bad', 2), volume: Number.NaN }],
    };
    const harvest = await pollOnce<Pollster, Sample>(
      pollsters({ halfBad, good: new FixedPollster('y') }),
      OPTIONS,
    );
    expect(harvest.samples.map((s) => s.meter)).toEqual(['x.ok', 'y']);
    expect(harvest.from.map((e) => e.name)).toEqual(['halfBad', 'good']);
    expect(harvest.failures[0]).toBeInstanceOf(PluginResultError);
    expect(harvest.failures[0]?.message).toContain(
      'refused 1 of the 2 samples from poll(): sample #1: volume: must be a finite number',
    );
  });

  it('is recorded on the pollster, which stays enabled', async () => {
    const m = pollsters({ 'wrong-shape': new WrongShapePollster() });
    const harvest = await pollOnce(m, OPTIONS);
    const extension = m.set.named('wrong-shape')[0];
    expect(extension?.lastError).toBe(harvest.failures[0]);
    expect(extension?.isEnabled).toBe(true);
  });

  it('blames a pollster whose answer throws while it is checked', async () => {
    const trap: Pollster = {
      meters: [],
      poll: () =>
        new Proxy([] as Sample[], {
          get(target, key) {
            if (key === 'length') throw new Error('length trap');
            return Reflect.get(target, key);
          },
        }),
    };
    const m = pollsters({ trap, good: new FixedPollster('y') });
    const harvest = await pollOnce<Pollster, Sample>(m, OPTIONS);
    expect(harvest.samples.map((s) => s.meter)).toEqual(['y']);
    expect(harvest.failures[0]).toBeInstanceOf(PluginResultError);
    expect(harvest.failures[0]?.message).toMatch(
      /^\[meter\.pollster:trap\] \(invocation\) returned an unusable result: .*length trap/,
    );
    expect(m.set.named('trap')[0]?.lastError).toBe(harvest.failures[0]);
  });

  it('by default only requires an array of objects', async () => {
    const loose: Pollster = { meters: [], poll: () => [{ anything: 1 }] as unknown as Sample[] };
    const harvest = await pollOnce(
      pollsters({ loose, bad: { meters: [], poll: () => [[1]] as never } }),
      {
        ...OPTIONS,
        readSample: copyThenCheck(objectSample),
      },
    );
    expect(harvest.samples).toEqual([{ anything: 1 }]);
    expect(harvest.failures.map((f) => f.plugin)).toEqual(['bad']);
  });
});

describe('pollOnce: self-disabling', () => {
  it('asks first, and a pollster without its resource is disabled, never polled', async () => {
    const hypervisor = new HypervisorPollster({ probes: ['/nonexistent/xen'] });
    const poll = vi.spyOn(hypervisor, 'poll');
    const m = pollsters({ hypervisor, good: new FixedPollster('y') });
    const first = await pollOnce(m, OPTIONS);
    const second = await pollOnce(m, OPTIONS);
    expect(first.disabled.map((d) => d.name)).toEqual(['hypervisor']);
    expect(second.disabled).toEqual([]);
    expect(first.polled).toBe(1);
    expect(poll).not.toHaveBeenCalled();
  });
});

describe('pollOnce: concurrency', () => {
  it('polls several pollsters at once when asked to', async () => {
    const gates = [deferred<Sample[]>(), deferred<Sample[]>()];
    const started: string[] = [];
    const slow = (name: string, i: number): Pollster => ({
      meters: [name],
      poll: () => {
        started.push(name);
        return gates[i]?.promise ?? Promise.resolve([]);
      },
    });
    const run = pollOnce<Pollster, Sample>(pollsters({ a: slow('a', 0), b: slow('b', 1) }), {
      ...OPTIONS,
      concurrency: 2,
    });
    await flushMicrotasks();
    expect(started).toEqual(['a', 'b']);
    gates[1]?.resolve([sample('b', 2)]);
    gates[0]?.resolve([sample('a', 1)]);
    expect((await run).samples.map((s) => s.meter)).toEqual(['a', 'b']);
  });
});
