/**
 * The dispatcher pattern against every fault: the sample package's faulty
 * pollsters and the generated fault lab (a plugin for every stage × fault ×
 * thrown value), found by a real package scan and loaded up front; then
 * called by predicate, by name, and as subscribers of an event, with the
 * good plugins' samples written to SQLite storage.
 *
 * Whatever a plugin does, its delivery fails with a typed error naming
 * namespace, plugin and stage; the other plugins still get the call; the
 * extension report and the dead letters tell the story; every sample of the
 * good plugins is stored.
 */
import {
  type Extension,
  type ExtensionSet,
  type PluginError,
  PluginResultError,
  PluginUnavailableError,
} from '@plugin-patterns/loader';
import { checkResult } from '@plugin-patterns/loader/invocation';
import { type Sample, sampleProblems } from '@plugin-patterns/meter-contracts';
import { SqliteStorage } from '@plugin-patterns/sample-plugins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectCallFault,
  expectClean,
  expectFaultError,
  expectLoadFault,
} from '../../../loader/test/support/fault-expectations.ts';
import {
  CALL_FAULTS,
  discoverFaults,
  FAULTY_NAMESPACE,
  type FaultHost,
  faultHost,
  type LabPollster,
  LOAD_FAULTS,
  listCheck,
} from '../../../loader/test/support/fault-host.ts';
import { LAB_GOOD, LAB_METER } from '../../../loader/test/support/fault-lab.ts';
import { type Delivery, Dispatcher, EventDispatcher } from '../../src/index.ts';

const TIMEOUT_MS = 100;
const OPTIONS = { method: 'poll', timeoutMs: TIMEOUT_MS } as const;
const GOOD = Object.keys(LAB_GOOD);
/** How many samples one call of every good plugin writes. */
const GOOD_PER_RUN = Object.values(LAB_GOOD).reduce((a, b) => a + b, 0);
const poll = (pollster: LabPollster) => pollster.poll();

/** A sample list, or why not: the host checks what each pollster returned. */
const isSamples = listCheck(sampleProblems);

let host: FaultHost;
let set: ExtensionSet<LabPollster>;
let dispatcher: Dispatcher<LabPollster>;

beforeAll(async () => {
  host = faultHost();
  set = discoverFaults(host);
  dispatcher = await Dispatcher.load(set, OPTIONS);
});
afterAll(() => host.project.remove());

/**
 * What a host does with deliveries: a failed one is already a typed error; a
 * delivered answer is checked to be samples (a wrong shape becomes a
 * PluginResultError blamed on its plugin) and stored.
 */
async function store(
  deliveries: readonly Delivery<unknown>[],
  storage: SqliteStorage,
): Promise<{ failures: PluginError[]; stored: string[] }> {
  const failures: PluginError[] = [];
  const stored: string[] = [];
  for (const delivery of deliveries) {
    if (!delivery.ok) {
      failures.push(delivery.error);
      continue;
    }
    const [extension] = set.named(delivery.plugin) as [Extension<LabPollster>];
    try {
      const samples = checkResult(extension, delivery.value, isSamples, 'Sample[]', {
        method: 'poll',
      }) as Sample[];
      await storage.write(samples);
      stored.push(delivery.plugin);
    } catch (error) {
      if (!(error instanceof PluginResultError)) throw error;
      failures.push(error);
    }
  }
  return { failures, stored };
}

describe('Dispatcher.load over every fault', () => {
  it.each(LOAD_FAULTS.map((f) => [f.name, f] as const))(
    '%s: a typed error from load(), a record that says so, and no route to it',
    async (_, fault) => {
      await expectLoadFault(set.named(fault.name)[0], fault, FAULTY_NAMESPACE);
      expect(dispatcher.names()).not.toContain(fault.name);
    },
  );

  it.each(LOAD_FAULTS.map((f) => [f.name, f] as const))(
    '%s: calling it by name is a failed delivery that says why it is unavailable',
    (_, fault) => {
      const delivery = dispatcher.call(fault.name, poll) as Delivery<unknown>;
      expect(delivery.ok).toBe(false);
      if (delivery.ok) return;
      expect(delivery.error).toBeInstanceOf(PluginUnavailableError);
      expect(delivery.error).toMatchObject({ namespace: FAULTY_NAMESPACE, plugin: fault.name });
      expect(delivery.error.message).toContain(fault.shows);
    },
  );

  it('loads every good plugin, and leaves the call faults ready to be called', () => {
    for (const name of GOOD) expect(dispatcher.names()).toContain(name);
    for (const fault of CALL_FAULTS) expect(dispatcher.names()).toContain(fault.name);
  });
});

describe('byPredicate: every ready plugin, called in turn', () => {
  let storage: SqliteStorage;
  let runs: { failures: PluginError[]; stored: string[] }[];

  beforeAll(async () => {
    storage = new SqliteStorage({ url: host.storageUrl('by-predicate.db') });
    runs = [];
    for (let run = 0; run < 2; run++) {
      const result = await dispatcher.byPredicate(() => true, poll);
      runs.push(await store(result.deliveries, storage));
    }
  });
  afterAll(() => storage.close());

  it.each(CALL_FAULTS.map((f) => [f.name, f] as const))(
    '%s: a typed error in every run, recorded on its extension',
    (_, fault) => expectCallFault(runs, set.named(fault.name)[0], fault, FAULTY_NAMESPACE),
  );

  it('delivers to every good plugin in every run; their records stay clean', () => {
    for (const run of runs) {
      expect(run.stored.sort()).toEqual([...GOOD].sort());
      expect(run.failures).toHaveLength(CALL_FAULTS.length);
    }
    for (const name of GOOD) expectClean(set.named(name)[0] as Extension);
  });

  it('stores every sample of the good plugins', async () => {
    const stored = await storage.query({ meter: LAB_METER });
    expect(stored).toHaveLength(GOOD_PER_RUN * runs.length);
    expect(await storage.query()).toHaveLength(stored.length);
  });
});

describe('byName: a hang is blamed on the plugin that hung', () => {
  it('times out call-hangs, and good-after-hang still answers', async () => {
    const result = await dispatcher.byName(['call-hangs', 'good-after-hang'], poll);
    const [hung, next] = result.deliveries;
    expect(result.failed).toBe(1);
    expect(hung?.ok).toBe(false);
    if (hung?.ok === false) {
      const fault = CALL_FAULTS.find((f) => f.name === 'call-hangs');
      if (fault === undefined) throw new Error('the lab has no call-hangs');
      expectFaultError(hung.error, fault, FAULTY_NAMESPACE);
    }
    expect(next).toMatchObject({ plugin: 'good-after-hang', ok: true });
    expect(set.named('good-after-hang')[0]?.lastError).toBeUndefined();
  });

  it('with onError "raise", the host gets the hang as a thrown PluginTimeoutError', async () => {
    const error = await Promise.resolve(
      dispatcher.byName(['never-settles'], poll, { onError: 'raise' }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'PluginTimeoutError',
      namespace: FAULTY_NAMESPACE,
      plugin: 'never-settles',
      stage: 'invocation',
    });
  });
});

describe('EventDispatcher: every ready plugin subscribed to one event type', () => {
  interface Tick {
    readonly type: string;
  }
  let events: EventDispatcher<LabPollster, Tick, unknown>;
  let storage: SqliteStorage;
  let stored: string[];

  beforeAll(async () => {
    events = new EventDispatcher<LabPollster, Tick, unknown>(set, {
      ...OPTIONS,
      subscriptions: () => ['lab.*'],
      eventType: (tick) => tick.type,
      call: (pollster) => pollster.poll(),
    });
    storage = new SqliteStorage({ url: host.storageUrl('events.db') });
    const run = await events.dispatchAll([{ type: 'lab.tick' }, { type: 'lab.tock' }]);
    stored = [];
    for (const outcome of run.outcomes) {
      if (outcome.status === 'routed') {
        stored.push(...(await store(outcome.deliveries, storage)).stored);
      }
    }
  });
  afterAll(() => storage.close());

  it('routes each event to every ready plugin and dead-letters each failed delivery', () => {
    expect(events.route('lab.tick').sort()).toEqual([...dispatcher.names()].sort());
    const letters = events.deadLetters.list().filter((l) => l.reason === 'failed');
    // The shape check is the host's, after delivery: wrong shapes are not dead letters.
    const dispatchFaults = CALL_FAULTS.filter((f) => f.error !== 'PluginResultError');
    expect(letters).toHaveLength(dispatchFaults.length * 2);
    for (const fault of dispatchFaults) {
      const mine = letters.filter((l) => l.handler === fault.name);
      expect(mine.map((l) => l.eventType)).toEqual(['lab.tick', 'lab.tock']);
      for (const letter of mine) expectFaultError(letter.error, fault, FAULTY_NAMESPACE);
    }
  });

  it('stores the good plugins\u2019 samples of both events', async () => {
    for (const name of GOOD) expect(stored.filter((s) => s === name)).toHaveLength(2);
    expect(await storage.query({ meter: LAB_METER })).toHaveLength(GOOD_PER_RUN * 2);
  });
});
