/**
 * The driver pattern against every fault: each plugin of the sample package's
 * `meter.faulty` namespace and of the generated fault lab (a plugin for every
 * stage × fault × thrown value) chosen in turn as the one driver, through a
 * real package scan.
 *
 * A driver that fails to load rejects `DriverManager.load` with a typed error
 * naming namespace, plugin and stage, and nothing but the chosen plugin was
 * imported; a driver that fails when called gives the host a typed error
 * through `manager.call`, recorded on its extension. Either way the host
 * goes on: the next driver it asks for loads and answers.
 */
import { selfCheck } from '@plugin-patterns/loader';
import { type Importer, importExport } from '@plugin-patterns/loader/importing';
import { checkResult } from '@plugin-patterns/loader/invocation';
import { sampleProblems } from '@plugin-patterns/meter-contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectClean,
  expectFaultError,
  expectFaultRecorded,
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
  pollsterContract,
} from '../../../loader/test/support/fault-host.ts';
import { LAB_GOOD } from '../../../loader/test/support/fault-lab.ts';
import { chooseDriver, DriverManager } from '../../src/index.ts';

const TIMEOUT_MS = 100;
/** A sample list, or why not: the host checks what each driver returned. */
const isSamples = listCheck(sampleProblems);

let host: FaultHost;
beforeAll(() => {
  host = faultHost();
});
afterAll(() => host.project.remove());

/** Node's import, counting: which plugins' modules were evaluated. */
function countingImporter(): { importer: Importer; imported: string[] } {
  const imported: string[] = [];
  const importer: Importer = (target, who) => {
    imported.push(who.name);
    return importExport(target, who);
  };
  return { importer, imported };
}

function load(name: string, importer?: Importer) {
  return DriverManager.load<LabPollster>({
    namespace: FAULTY_NAMESPACE,
    sources: [host.source],
    name,
    args: [],
    contract: pollsterContract,
    policies: [selfCheck()],
    ...(importer === undefined ? {} : { importer }),
  });
}

describe('a driver that fails to load', () => {
  it.each(LOAD_FAULTS.map((f) => [f.name, f] as const))(
    '%s: DriverManager.load rejects with its typed error; only it was imported',
    async (_, fault) => {
      const { importer, imported } = countingImporter();
      const error = await load(fault.name, importer).catch((e: unknown) => e);
      expectFaultError(error, fault, FAULTY_NAMESPACE);
      // An import fault is in the module itself; later stages need the module imported.
      expect(imported).toEqual([fault.name]);
    },
  );

  it.each(LOAD_FAULTS.map((f) => [f.name, f] as const))(
    '%s: a host that keeps the set (for `explain`) finds the story in set.report()',
    async (_, fault) => {
      const set = discoverFaults(host);
      await expectLoadFault(chooseDriver(set, fault.name), fault, FAULTY_NAMESPACE);
      const others = set.report().filter((r) => r.name !== fault.name && r.status === 'enabled');
      expect(others.length).toBeGreaterThan(0);
      for (const other of others) expect(other.loaded).toBe(false);
    },
  );

  it('does not stop the host: the next driver it asks for loads and answers', async () => {
    for (const fault of LOAD_FAULTS) await load(fault.name).catch(() => undefined);
    const manager = await load('good-async');
    const samples = await manager.call((p) => p.poll(), { method: 'poll' });
    expect(samples).toHaveLength(LAB_GOOD['good-async'] as number);
    expectClean(manager.extension);
  });
});

describe('a driver that fails when called', () => {
  it.each(CALL_FAULTS.map((f) => [f.name, f] as const))(
    '%s: manager.call gives a typed error, recorded; the driver stays usable',
    async (_, fault) => {
      const manager = await load(fault.name);
      let error: unknown;
      try {
        const answer = await manager.call((p) => p.poll(), {
          method: 'poll',
          timeoutMs: TIMEOUT_MS,
        });
        checkResult(manager.extension, answer, isSamples, 'Sample[]', { method: 'poll' });
      } catch (thrown) {
        error = thrown;
      }
      expectFaultError(error, fault, FAULTY_NAMESPACE);
      expectFaultRecorded(manager.extension, fault);
      const report = manager.extensions.report();
      expect(report.filter((r) => r.loaded).map((r) => r.name)).toEqual([fault.name]);
    },
  );

  it('a hang is blamed on the hung driver, and the next call to another driver answers', async () => {
    const hung = await load('call-hangs');
    const error = await Promise.resolve(
      hung.call((p) => p.poll(), { method: 'poll', timeoutMs: TIMEOUT_MS }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PluginTimeoutError', plugin: 'call-hangs' });
    const next = await load('good-after-hang');
    await expect(next.call((p) => p.poll(), { timeoutMs: TIMEOUT_MS })).resolves.toHaveLength(1);
    expectClean(next.extension);
  });
});
