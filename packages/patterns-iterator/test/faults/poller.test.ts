/**
 * The poller against every fault: the sample package's faulty pollsters and
 * the generated fault lab, found by a real package scan, polled in cycles
 * into SQLite storage, the way ceilometer's central agent would run them.
 *
 * Each cycle reports every failure as a typed error naming its pollster;
 * pollsters whose self-check fails are disabled once, in the first cycle, and
 * never called; a hung pollster is timed out and blamed, and the one after it
 * still runs; every sample of the good pollsters reaches storage, and none
 * is left pending when the poller stops.
 */
import type { Extension, ExtensionSet } from '@plugin-patterns/loader';
import { type Sample, sampleProblems } from '@plugin-patterns/meter-contracts';
import { SqliteStorage } from '@plugin-patterns/sample-plugins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectCallFault,
  expectClean,
  expectFaultRecorded,
} from '../../../loader/test/support/fault-expectations.ts';
import {
  ALL_FAULTS,
  CALL_FAULTS,
  discoverFaults,
  FAULTY_NAMESPACE,
  type FaultHost,
  faultHost,
  type LabPollster,
} from '../../../loader/test/support/fault-host.ts';
import { LAB_GOOD } from '../../../loader/test/support/fault-lab.ts';
import { type CycleReport, IteratorManager, Poller } from '../../src/index.ts';
import { expectGoodSamplesStored, GOOD_PER_RUN } from './good-samples.ts';

const CHECK_FAULTS = ALL_FAULTS.filter((f) => f.status === 'disabled');
const CYCLES = 3;

let host: FaultHost;
beforeAll(() => {
  host = faultHost();
});
afterAll(() => host.project.remove());

describe.each([1, 4])('the poller over every fault (concurrency %i)', (concurrency) => {
  let set: ExtensionSet<LabPollster>;
  let storage: SqliteStorage;
  let poller: Poller<LabPollster, Sample>;
  let cycles: CycleReport[];

  beforeAll(async () => {
    // No self-check at load: the poller asks, once, in its first cycle.
    set = discoverFaults(host, []);
    const manager = await new IteratorManager(set).load();
    storage = new SqliteStorage({ url: host.storageUrl(`poller-${concurrency}.db`) });
    poller = new Poller<LabPollster, Sample>(manager, {
      sink: storage,
      intervalMs: 60_000, // cycles are run by hand here; the schedule is the poller's own tests'
      timeoutMs: 100,
      concurrency,
      sampleProblems,
    });
    cycles = [];
    for (let i = 0; i < CYCLES; i++) cycles.push(await poller.runCycle());
    await poller.stop();
  });
  afterAll(() => storage.close());

  it('disables the pollsters whose self-check fails, in the first cycle only, with their reasons', () => {
    const [first, ...later] = cycles;
    expect(first?.disabled.map((d) => d.name).sort()).toEqual(
      CHECK_FAULTS.map((f) => f.name).sort(),
    );
    for (const fault of CHECK_FAULTS) {
      expect(first?.disabled.find((d) => d.name === fault.name)?.reason).toContain(fault.shows);
      expectFaultRecorded(set.named(fault.name)[0] as never, fault);
    }
    for (const cycle of later) expect(cycle.disabled).toEqual([]);
  });

  it.each(CALL_FAULTS.map((f) => [f.name, f] as const))(
    '%s: a typed error in every cycle, recorded on its extension',
    (_, fault) => expectCallFault(cycles, set.named(fault.name)[0], fault, FAULTY_NAMESPACE),
  );

  it('blames each hang on the pollster that hung; the one after it still answers', () => {
    for (const cycle of cycles) {
      const timeouts = cycle.failures.filter((e) => e.name === 'PluginTimeoutError');
      expect(timeouts.map((e) => e.plugin).sort()).toEqual(['call-hangs', 'never-settles']);
    }
    expectClean(set.named('good-after-hang')[0] as Extension);
  });

  it('writes every sample of the good pollsters, and leaves nothing pending', async () => {
    for (const cycle of cycles) {
      expect(cycle.samples).toBe(GOOD_PER_RUN);
      expect(cycle.written).toBe(GOOD_PER_RUN);
      expect(cycle.sinkError).toBeUndefined();
    }
    expect(poller.pending).toEqual([]);
    await expectGoodSamplesStored(storage, CYCLES);
    for (const name of Object.keys(LAB_GOOD)) expectClean(set.named(name)[0] as Extension);
  });
});
