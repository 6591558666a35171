/**
 * One hostile pollster against the poller and real storage drivers: a sample
 * whose `volume` is finite when first read and NaN after. Checked at the
 * pollster boundary and copied there, it cannot reach a driver as NaN; a bad
 * sample costs only itself; pending work is bounded; stop() keeps what it
 * could not write.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtensionSet } from '@plugin-patterns/loader';
import {
  InvalidSampleError,
  type Pollster,
  readSample,
  type Sample,
  sampleProblems,
} from '@plugin-patterns/meter-contracts';
import { JsonlStorage, MemoryStorage, SqliteStorage } from '@plugin-patterns/sample-plugins';
import { describe, expect, it } from 'vitest';
import { IteratorManager } from './iterator-manager.ts';
import { Poller } from './poller.ts';
import { FixedPollster, sample } from './test-pollsters.ts';

const pollsters = (objects: Record<string, Pollster>) =>
  new IteratorManager(ExtensionSet.fromObjects<Pollster>('meter.pollster', objects));

/** Answers one sample whose volume is 5 at its first read and NaN at every later one. */
const twoFaced: Pollster = {
  meters: ['sneaky.load'],
  poll() {
    let reads = 0;
    const base = sample('sneaky.load', 0);
    return [
      {
        ...base,
        get volume() {
          reads += 1;
          return reads === 1 ? 5 : Number.NaN;
        },
      },
    ];
  },
};

/** Answers one good sample and one with no meter. */
const halfBad: Pollster = {
  meters: ['half.bad'],
  poll: () => [sample('half.good', 1), { ...sample('half.bad', 2), meter: '' }],
};

const stores = {
  sqlite: () => new SqliteStorage({ url: 'sqlite::memory:' }),
  jsonl: () =>
    new JsonlStorage({ url: `jsonl://${join(mkdtempSync(join(tmpdir(), 'poller-')), 's.jsonl')}` }),
  memory: () => new MemoryStorage({ url: 'memory:' }),
};

describe.each(Object.entries(stores))('the poller over the %s driver', (_, open) => {
  it('writes the copy it checked: a getter that turns NaN cannot block storage', async () => {
    const storage = open();
    const cpu = new FixedPollster('cpu.util');
    // The poller reads the volume once to check it (sampleProblems); the driver reads it again.
    const poller = new Poller(pollsters({ twoFaced, cpu }), {
      sink: storage,
      intervalMs: 1000,
      sampleProblems,
    });
    const first = await poller.runCycle();
    const second = await poller.runCycle();
    expect([first, second].map((r) => [r.samples, r.written, r.pending])).toEqual([
      [2, 2, 0],
      [2, 2, 0],
    ]);
    const stored = await storage.query();
    expect(stored.map((s) => `${s.meter}=${s.volume}`).sort()).toEqual([
      'cpu.util=1',
      'cpu.util=2',
      'sneaky.load=5',
      'sneaky.load=5',
    ]);
    await poller.stop();
    await storage.close();
  });

  it('keeps the good samples of an answer and blames the pollster for the bad one', async () => {
    const storage = open();
    const poller = new Poller(pollsters({ halfBad }), {
      sink: storage,
      intervalMs: 1000,
      readSample,
    });
    const report = await poller.runCycle();
    expect(report).toMatchObject({ samples: 1, written: 1, pending: 0 });
    expect(report.failures.map((f) => [f.plugin, f.detail])).toEqual([
      [
        'halfBad',
        'returned an unusable result: refused 1 of the 2 samples from poll(): sample #1: meter: must be a non-empty string',
      ],
    ]);
    expect((await storage.query()).map((s) => s.meter)).toEqual(['half.good']);
    await poller.stop();
    await storage.close();
  });
});

describe('the poller and a sink that refuses some samples', () => {
  it('drops only the refused samples, names the plugin that made each, and keeps no pending', async () => {
    const written: Sample[][] = [];
    // A sink stricter than the pollster check: it refuses every cpu sample, stores the rest.
    const sink = {
      write(samples: readonly Sample[]) {
        const refused = samples
          .map((s, index) => ({ index, problems: [`meter: ${s.meter} is not allowed here`] }))
          .filter((_, i) => samples[i]?.meter === 'cpu.util');
        written.push(samples.filter((s) => s.meter !== 'cpu.util'));
        if (refused.length > 0)
          throw new InvalidSampleError(refused, samples.length - refused.length);
      },
    };
    const poller = new Poller(
      pollsters({ cpu: new FixedPollster('cpu.util'), mem: new FixedPollster('memory.usage') }),
      { sink, intervalMs: 1000 },
    );
    const report = await poller.runCycle();
    expect(report).toMatchObject({ samples: 2, written: 1, pending: 0 });
    expect(report.refused.map((e) => [e.plugin, e.detail])).toEqual([
      [
        'cpu',
        'returned an unusable result: its sample was refused by the sink: meter: cpu.util is not allowed here',
      ],
    ]);
    expect(written.flat().map((s) => s.meter)).toEqual(['memory.usage']);
    await poller.runCycle();
    expect(written.flat().map((s) => s.meter)).toEqual(['memory.usage', 'memory.usage']);
  });
});

describe('pending work is bounded, and stop() keeps what it could not write', () => {
  const down = () => {
    let up = false;
    const kept: Sample[] = [];
    return {
      kept,
      recover: () => {
        up = true;
      },
      write(samples: readonly Sample[]) {
        if (!up) throw new Error('disk full');
        kept.push(...samples);
      },
    };
  };

  it('drops the oldest samples past maxPending, and counts them', async () => {
    const sink = down();
    const poller = new Poller(pollsters({ cpu: new FixedPollster('cpu.util') }), {
      sink,
      intervalMs: 1000,
      maxPending: 3,
    });
    const reports = [];
    for (let i = 0; i < 5; i++) reports.push(await poller.runCycle());
    expect(reports.map((r) => [r.pending, r.dropped])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [3, 1],
      [3, 1],
    ]);
    expect(poller.dropped).toBe(2);
    expect(poller.pending.map((s) => s.volume)).toEqual([3, 4, 5]);
  });

  it('refuses a maxPending that is not a positive whole number', () => {
    const make = (maxPending: number) => () =>
      new Poller(pollsters({}), { sink: down(), intervalMs: 1000, maxPending });
    expect(make(0)).toThrow(RangeError);
    expect(make(1.5)).toThrow('maxPending must be a positive whole number');
  });

  it('stop() rejects with the sink error and keeps every pending sample; a later stop() writes them', async () => {
    const sink = down();
    const poller = new Poller(pollsters({ cpu: new FixedPollster('cpu.util') }), {
      sink,
      intervalMs: 1000,
    });
    await poller.runCycle();
    await poller.runCycle();
    await expect(poller.stop()).rejects.toThrow('disk full');
    expect(poller.pending.map((s) => s.volume)).toEqual([1, 2]);
    sink.recover();
    await poller.stop();
    expect(sink.kept.map((s) => s.volume)).toEqual([1, 2]);
    expect(poller.pending).toEqual([]);
  });
});
