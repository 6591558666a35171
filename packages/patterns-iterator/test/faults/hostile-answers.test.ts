/**
 * Answers that fight back, on the iterator's synchronous path. A run stays
 * synchronous while every plugin answers synchronously, and it must still
 * ask of each answer "is this a promise?" — a question that runs the
 * plugin's code again (a `then` getter) or throws outright (a revoked
 * proxy). Either way it is that plugin's failure, typed and recorded, and the
 * run goes on with the next plugin, without ever becoming a promise.
 *
 * The plugins come from the fault lab; an allow list puts only synchronous
 * ones in the plan, in this order, so no async answer switches the run to
 * its async path first.
 */
import { allowList, type Extension, type ExtensionSet } from '@plugin-patterns/loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectClean,
  expectFaultError,
  expectFaultRecorded,
} from '../../../loader/test/support/fault-expectations.ts';
import {
  discoverFaults,
  FAULTY_NAMESPACE,
  type FaultHost,
  faultHost,
  type LabPollster,
} from '../../../loader/test/support/fault-host.ts';
import { LAB_FAULTS, LAB_GOOD } from '../../../loader/test/support/fault-lab.ts';
import { IteratorManager } from '../../src/index.ts';

const HOSTILE = LAB_FAULTS.filter((f) => f.name.startsWith('call-returns-'));
const PLAN = [...HOSTILE.map((f) => f.name), 'good-steady'];

let host: FaultHost;
let manager: IteratorManager<LabPollster>;
let set: ExtensionSet<LabPollster>;

beforeAll(async () => {
  host = faultHost();
  set = discoverFaults(host, [allowList(PLAN)]);
  manager = await new IteratorManager(set, { method: 'poll' }).load();
});
afterAll(() => host.project.remove());

describe('a synchronous run meeting answers that throw when looked at', () => {
  it('map: one typed failure for each, the good plugin answers, and the result is not a promise', () => {
    expect(manager.names()).toEqual(PLAN);
    const result = manager.map((pollster) => pollster.poll());
    expect(result).not.toBeInstanceOf(Promise);
    if (result instanceof Promise) return;
    expect(result.from.map((e) => e.name)).toEqual(['good-steady']);
    expect(result.values).toEqual([expect.any(Array)]);
    expect(result.values[0]).toHaveLength(LAB_GOOD['good-steady'] as number);
    expect(result.failures.map((e) => e.plugin)).toEqual(HOSTILE.map((f) => f.name));
    for (const [i, fault] of HOSTILE.entries()) {
      expectFaultError(result.failures[i], fault, FAULTY_NAMESPACE);
      expectFaultRecorded(set.named(fault.name)[0] as Extension, fault);
    }
    expectClean(set.named('good-steady')[0] as Extension);
  });

  it('first: skips them as failures and returns the good answer', () => {
    const result = manager.first((pollster) => pollster.poll());
    expect(result).not.toBeInstanceOf(Promise);
    if (result instanceof Promise) return;
    expect(result.found && result.from.name).toBe('good-steady');
    expect(result.failures.map((e) => e.name)).toEqual(['PluginCallError', 'PluginCallError']);
  });
});
