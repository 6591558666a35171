import { ExtensionSet } from '@plugin-patterns/loader';
import { type Pollster, type Sample, sampleProblems } from '@plugin-patterns/meter-contracts';
import { MemoryStorage } from '@plugin-patterns/sample-plugins';
import { ThrowsPollster } from '@plugin-patterns/sample-plugins/faulty/throws';
import { WrongShapePollster } from '@plugin-patterns/sample-plugins/faulty/wrong-shape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IteratorManager } from './iterator-manager.ts';
import { type CycleReport, Poller, type Scheduler } from './poller.ts';
import { deferred } from './test-plugins.ts';
import { FixedPollster, sample } from './test-pollsters.ts';

const pollsters = (objects: Record<string, Pollster>) =>
  new IteratorManager(ExtensionSet.fromObjects<Pollster>('meter.pollster', objects));

/** A sink that keeps every batch it accepted. */
const recordingSink = () => {
  const batches: Sample[][] = [];
  return { batches, write: (samples: readonly Sample[]) => void batches.push([...samples]) };
};

describe('Poller: a cycle every intervalMs', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls at start, then once per interval, writing each cycle to the sink', async () => {
    const cpu = new FixedPollster('cpu.util');
    const sink = recordingSink();
    const reports: CycleReport[] = [];
    const poller = new Poller(pollsters({ cpu }), {
      sink,
      intervalMs: 1000,
      onCycle: (r) => reports.push(r),
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(cpu.polls).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(cpu.polls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cpu.polls).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    await poller.stop();
    expect(cpu.polls).toBe(4);
    expect(sink.batches.map((b) => b.map((s) => s.volume))).toEqual([[1], [2], [3], [4]]);
    expect(reports.map((r) => [r.cycle, r.polled, r.samples, r.written, r.pending])).toEqual([
      [1, 1, 1, 1, 0],
      [2, 1, 1, 1, 0],
      [3, 1, 1, 1, 0],
      [4, 1, 1, 1, 0],
    ]);
  });

  it('never overlaps cycles: a slow cycle delays the next one', async () => {
    const gate = deferred<Sample[]>();
    let polls = 0;
    const slow: Pollster = {
      meters: ['slow'],
      poll: () => {
        polls++;
        return polls === 1 ? gate.promise : [sample('slow', polls)];
      },
    };
    const poller = new Poller(pollsters({ slow }), {
      sink: recordingSink(),
      intervalMs: 100,
      timeoutMs: 10_000,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(500);
    expect(polls).toBe(1);
    gate.resolve([sample('slow', 1)]);
    await vi.advanceTimersByTimeAsync(100);
    expect(polls).toBe(2);
    await poller.stop();
  });

  it('uses an injected scheduler instead of the global timers', async () => {
    vi.useRealTimers();
    const scheduled: { run: () => void; ms: number }[] = [];
    const scheduler: Scheduler = {
      setTimeout: (run, ms) => scheduled.push({ run, ms }),
      clearTimeout: () => {},
    };
    const cpu = new FixedPollster('cpu.util');
    const reports: number[] = [];
    const poller = new Poller(pollsters({ cpu }), {
      sink: recordingSink(),
      intervalMs: 60_000,
      scheduler,
      onCycle: (r) => reports.push(r.cycle),
    });
    poller.start();
    await vi.waitFor(() => expect(scheduled).toHaveLength(1));
    expect(scheduled[0]?.ms).toBe(60_000);
    scheduled[0]?.run();
    await vi.waitFor(() => expect(reports).toEqual([1, 2]));
    await poller.stop();
  });
});

describe('Poller: stop() ends cleanly', () => {
  it('waits for the cycle in flight and writes its samples', async () => {
    const gate = deferred<Sample[]>();
    const sink = recordingSink();
    const poller = new Poller(pollsters({ slow: { meters: ['s'], poll: () => gate.promise } }), {
      sink,
      intervalMs: 1000,
    });
    poller.start();
    let stopped = false;
    const stopping = poller.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    gate.resolve([sample('s', 1)]);
    await stopping;
    expect(sink.batches).toEqual([[sample('s', 1)]]);
    expect(poller.running).toBe(false);
    expect(poller.cycles).toBe(1);
  });

  it('schedules nothing after stop', async () => {
    vi.useFakeTimers();
    try {
      const cpu = new FixedPollster('cpu.util');
      const poller = new Poller(pollsters({ cpu }), { sink: recordingSink(), intervalMs: 10 });
      poller.start();
      await vi.advanceTimersByTimeAsync(0);
      await poller.stop();
      await vi.advanceTimersByTimeAsync(1000);
      expect(cpu.polls).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Poller: a sink that refuses a batch', () => {
  it('keeps the samples pending and writes them with the next cycle', async () => {
    let refuse = true;
    const written: Sample[][] = [];
    const sink = {
      write: async (batch: readonly Sample[]) => {
        if (refuse) throw new Error('database locked');
        written.push([...batch]);
      },
    };
    const poller = new Poller(pollsters({ cpu: new FixedPollster('cpu.util') }), {
      sink,
      intervalMs: 1000,
    });
    const first = await poller.runCycle();
    expect(first).toMatchObject({ samples: 1, written: 0, pending: 1 });
    expect((first.sinkError as Error).message).toBe('database locked');
    refuse = false;
    const second = await poller.runCycle();
    expect(second).toMatchObject({ samples: 1, written: 2, pending: 0, sinkError: undefined });
    expect(written[0]?.map((s) => s.volume)).toEqual([1, 2]);
  });

  it('makes stop() reject when the last flush fails, leaving the samples pending', async () => {
    const poller = new Poller(pollsters({ cpu: new FixedPollster('cpu.util') }), {
      sink: {
        write: () => {
          throw new Error('disk full');
        },
      },
      intervalMs: 1000,
    });
    await poller.runCycle();
    await expect(poller.stop()).rejects.toThrow('disk full');
    expect(poller.pending).toHaveLength(1);
  });

  it("keeps the batch pending when reading the sink's error throws", async () => {
    const hostile = [
      {
        name: 'an index getter',
        refused: [
          {
            get index(): number {
              throw new Error('boom');
            },
          },
        ],
      },
      {
        name: 'a problem whose toString throws',
        refused: [
          {
            index: 0,
            problems: [
              {
                toString: () => {
                  throw new Error('boom');
                },
              },
            ],
          },
        ],
      },
      {
        name: 'a Proxy list',
        refused: new Proxy([{ index: 0 }], {
          get(target, key, receiver) {
            if (key === Symbol.iterator) throw new Error('boom');
            return Reflect.get(target, key, receiver);
          },
        }),
      },
    ];
    for (const { name, refused } of hostile) {
      let fail = true;
      const written: Sample[][] = [];
      const error = Object.assign(new Error(`hostile: ${name}`), { refused });
      const sink = {
        write: (batch: readonly Sample[]) => {
          if (fail) throw error;
          written.push([...batch]);
        },
      };
      const poller = new Poller(pollsters({ cpu: new FixedPollster('cpu.util') }), {
        sink,
        intervalMs: 1000,
      });
      const first = await poller.runCycle();
      expect(first, name).toMatchObject({ written: 0, pending: 1, refused: [] });
      expect(first.sinkError, name).toBe(error);
      fail = false;
      const second = await poller.runCycle();
      expect(second, name).toMatchObject({ written: 2, pending: 0, sinkError: undefined });
      expect(
        written[0]?.map((s) => s.volume),
        name,
      ).toEqual([1, 2]);
    }
  });
});

describe('Poller: an onCycle callback that throws', () => {
  it('stops the loop, and stop() reports it', async () => {
    const poller = new Poller(pollsters({ cpu: new FixedPollster('cpu.util') }), {
      sink: recordingSink(),
      intervalMs: 1000,
      onCycle: () => {
        throw new Error('display broke');
      },
    });
    poller.start();
    await vi.waitFor(() => expect(poller.running).toBe(false));
    await expect(poller.stop()).rejects.toThrow('display broke');
  });
});

describe('Poller: sample and faulty pollsters into a storage driver', () => {
  it('stores the good samples and reports each faulty pollster, and a self-disabled one once', async () => {
    const storage = new MemoryStorage({ url: 'memory:' });
    const reports: CycleReport[] = [];
    const poller = new Poller(
      pollsters({
        cpu: new FixedPollster('cpu.util'),
        throws: new ThrowsPollster(),
        'wrong-shape': new WrongShapePollster(),
        gpu: new FixedPollster('gpu.util', { available: false, reason: 'no GPU here' }),
      }),
      { sink: storage, intervalMs: 1000, sampleProblems, onCycle: (r) => reports.push(r) },
    );
    await poller.runCycle();
    await poller.runCycle();
    await poller.stop();
    expect((await storage.query()).map((s) => [s.meter, s.volume])).toEqual([
      ['cpu.util', 1],
      ['cpu.util', 2],
    ]);
    expect(reports.map((r) => r.failures.map((f) => f.plugin))).toEqual([
      ['throws', 'wrong-shape'],
      ['throws', 'wrong-shape'],
    ]);
    expect(reports.map((r) => r.disabled)).toEqual([[{ name: 'gpu', reason: 'no GPU here' }], []]);
  });
});

describe('Poller: options', () => {
  it('refuses an interval that is not a positive number', () => {
    for (const intervalMs of [0, -1, Number.NaN]) {
      expect(() => new Poller(pollsters({}), { sink: recordingSink(), intervalMs })).toThrow(
        RangeError,
      );
    }
  });

  it('refuses an interval or a time limit longer than a timer keeps', () => {
    const sink = recordingSink();
    expect(() => new Poller(pollsters({}), { sink, intervalMs: 2 ** 31 })).toThrow(
      /^intervalMs must be .* at most 2147483647/,
    );
    expect(() => new Poller(pollsters({}), { sink, intervalMs: 1000, timeoutMs: 2 ** 31 })).toThrow(
      /^timeoutMs must be .* at most 2147483647/,
    );
    expect(() => new Poller(pollsters({}), { sink, intervalMs: 2 ** 31 - 1 })).not.toThrow();
  });
});
