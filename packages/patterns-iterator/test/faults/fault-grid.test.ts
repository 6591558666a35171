/**
 * The iterator pattern against every fault: the sample package's faulty
 * pollsters and the generated fault lab (a plugin for every stage × fault ×
 * thrown value), found by a real package scan, loaded, polled in order and in
 * parallel, and the good pollsters' samples written to SQLite storage.
 *
 * Whatever a plugin does, the host gets a typed error naming namespace,
 * plugin and stage; the run goes on with the next plugin; the extension
 * report tells the story; and every sample of the good pollsters is stored.
 */
import {
  type Extension,
  type ExtensionSet,
  type PluginError,
  PluginResultError,
} from '@plugin-patterns/loader';
import { checkResult } from '@plugin-patterns/loader/invocation';
import { type Sample, type StorageDriver, sampleProblems } from '@plugin-patterns/meter-contracts';
import { SqliteStorage } from '@plugin-patterns/sample-plugins';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectCallFault,
  expectClean,
  expectLoadFault,
} from '../../../loader/test/support/fault-expectations.ts';
import {
  ALL_FAULTS,
  CALL_FAULTS,
  discoverFaults,
  FAULTY_NAMESPACE,
  type FaultHost,
  faultHost,
  type LabPollster,
  LOAD_FAULTS,
  listCheck,
} from '../../../loader/test/support/fault-host.ts';
import { LAB_GOOD } from '../../../loader/test/support/fault-lab.ts';
import { IteratorManager } from '../../src/index.ts';
import { expectGoodSamplesStored, GOOD_PER_RUN } from './good-samples.ts';

const TIMEOUT_MS = 100;

/** A sample list, or why not: the host checks what each pollster returned. */
const isSamples = listCheck(sampleProblems);

interface Run {
  /** Every typed error of the run: the iterator's, and the host's shape check's. */
  readonly failures: readonly PluginError[];
  /** The plugins whose samples were stored, in answer order. */
  readonly stored: readonly string[];
}

/**
 * One polling run as a host writes it: call every pollster, check each answer
 * is a sample list (a wrong shape becomes a PluginResultError blamed on its
 * plugin), and write the good ones to storage.
 */
async function pollInto(
  manager: IteratorManager<LabPollster>,
  storage: StorageDriver,
  mode: 'map' | 'parallel',
): Promise<Run> {
  const poll = (pollster: LabPollster) => pollster.poll();
  const result =
    mode === 'map' ? await manager.map(poll) : await manager.parallel(poll, { concurrency: 4 });
  const failures: PluginError[] = [...result.failures];
  const stored: string[] = [];
  for (const [i, value] of result.values.entries()) {
    const extension = result.from[i] as Extension<LabPollster>;
    let samples: Sample[];
    try {
      samples = checkResult(extension, value, isSamples, 'Sample[]', {
        method: 'poll',
      }) as Sample[];
    } catch (error) {
      if (!(error instanceof PluginResultError)) throw error;
      failures.push(error);
      continue;
    }
    await storage.write(samples);
    stored.push(extension.name);
  }
  return { failures, stored };
}

let host: FaultHost;

beforeAll(() => {
  host = faultHost();
});
afterAll(() => host.project.remove());

describe.each(['map', 'parallel'] as const)('the iterator over every fault (%s)', (mode) => {
  let set: ExtensionSet<LabPollster>;
  let manager: IteratorManager<LabPollster>;
  let runs: Run[];
  let storage: SqliteStorage;

  beforeAll(async () => {
    set = discoverFaults(host);
    manager = await new IteratorManager(set, { method: 'poll', timeoutMs: TIMEOUT_MS }).load();
    storage = new SqliteStorage({ url: host.storageUrl(`${mode}.db`) });
    runs = [];
    for (let run = 0; run < 2; run++) runs.push(await pollInto(manager, storage, mode));
  });
  afterAll(() => storage.close());

  it('finds every plugin of both packages', () => {
    const names = set.names();
    for (const fault of ALL_FAULTS) expect(names).toContain(fault.name);
    for (const good of Object.keys(LAB_GOOD)) expect(names).toContain(good);
  });

  it.each(LOAD_FAULTS.map((f) => [f.name, f] as const))(
    '%s: a typed error from load(), and a record that says so',
    async (_, fault) => {
      await expectLoadFault(set.named(fault.name)[0], fault, FAULTY_NAMESPACE);
      expect(manager.names()).not.toContain(fault.name);
    },
  );

  it.each(CALL_FAULTS.map((f) => [f.name, f] as const))(
    '%s: a typed error in every run, recorded, and the plugin stays in the plan',
    (_, fault) => {
      expectCallFault(runs, set.named(fault.name)[0], fault, FAULTY_NAMESPACE);
      expect(manager.names()).toContain(fault.name);
    },
  );

  it('calls every good pollster in every run, and their records stay clean', () => {
    const faulty = new Set(CALL_FAULTS.map((f) => f.name));
    for (const run of runs) {
      expect(run.stored).toEqual(manager.names().filter((n) => !faulty.has(n)));
      for (const good of Object.keys(LAB_GOOD)) expect(run.stored).toContain(good);
      expect(run.failures).toHaveLength(CALL_FAULTS.length);
    }
    for (const good of Object.keys(LAB_GOOD)) expectClean(set.named(good)[0] as Extension);
  });

  it('blames a hang on the plugin that hung, never on the one after it', () => {
    const order = manager.names();
    expect(order.indexOf('good-after-hang')).toBe(order.indexOf('call-hangs') + 1);
    for (const run of runs) {
      const timeouts = run.failures.filter((e) => e.name === 'PluginTimeoutError');
      expect(timeouts.map((e) => e.plugin).sort()).toEqual(['call-hangs', 'never-settles']);
    }
    expect(set.named('good-after-hang')[0]?.lastError).toBeUndefined();
  });

  it('stores every sample of the good pollsters, and nothing else', async () => {
    await expectGoodSamplesStored(storage, runs.length);
    // Only the lab's good pollsters answer with samples in this namespace.
    expect(await storage.query()).toHaveLength(GOOD_PER_RUN * runs.length);
  });

  it('reports every plugin in set.report(), failures with their stage and reason', () => {
    const report = set.report();
    expect(report).toHaveLength(set.extensions.length);
    const byName = new Map(report.map((r) => [r.name, r]));
    for (const fault of ALL_FAULTS) {
      const entry = byName.get(fault.name);
      expect(entry?.status, fault.name).toBe(fault.status);
      expect(JSON.stringify(entry)).toContain(JSON.stringify(fault.shows).slice(1, -1));
    }
  });
});
