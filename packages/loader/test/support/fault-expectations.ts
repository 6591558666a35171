/**
 * What every fault must look like to the host, checked the same way in every
 * pattern's suite: a PluginError subclass that names the namespace, the
 * plugin and the stage (in its fields and at the head of its message) and
 * describes what the plugin did; and an extension report that tells the same
 * story to someone reading `list --json` later. `expectLoadFault` and
 * `expectCallFault` put the two together for a fault at load and at call.
 */
import { expect } from 'vitest';
import { type Extension, type ExtensionReport, PluginError } from '../../src/index.ts';
import type { LabFault } from './fault-lab.ts';

/** The host got the right typed error for this fault. */
export function expectFaultError(error: unknown, fault: LabFault, namespace: string): void {
  expect(error, `${fault.name}: a PluginError`).toBeInstanceOf(PluginError);
  const e = error as PluginError;
  expect({ name: e.name, namespace: e.namespace, plugin: e.plugin, stage: e.stage }).toEqual({
    name: fault.error,
    namespace,
    plugin: fault.name,
    stage: fault.stage,
  });
  expect(e.message.startsWith(`[${namespace}:${fault.name}] (${fault.stage}) `)).toBe(true);
  expect(e.message).toContain(fault.shows);
}

/** The extension's record and its JSON report say what happened. */
export function expectFaultRecorded(extension: Extension<unknown>, fault: LabFault): void {
  const report: ExtensionReport = extension.toJSON();
  expect(report.status, `${fault.name}: status`).toBe(fault.status);
  if (fault.status === 'disabled') {
    expect(report.reason).toContain(fault.shows);
    expect(report.history.at(-1)).toMatchObject({ stage: 'enabling', outcome: 'disabled' });
    return;
  }
  expect(report.lastError, `${fault.name}: lastError`).toContain(fault.shows);
  expect(extension.lastError?.name).toBe(fault.error);
  if (fault.status === 'failed') {
    expect(report.stage).toBe(fault.stage);
    expect(report.reason).toContain(fault.shows);
  }
  expect(report.history).toContainEqual(
    expect.objectContaining({ stage: fault.stage, outcome: 'failed' }),
  );
}

/**
 * Loads a plugin that must fail to load (`undefined`: it was not even
 * discovered, itself a failure): the load rejects with the fault's typed
 * error, and the record says what happened.
 */
export async function expectLoadFault(
  extension: Extension<unknown> | undefined,
  fault: LabFault,
  namespace: string,
): Promise<void> {
  if (extension === undefined) throw new Error(`${fault.name} was not discovered`);
  const error = await extension.load().then(
    () => undefined,
    (e: unknown) => e,
  );
  expectFaultError(error, fault, namespace);
  expectFaultRecorded(extension, fault);
}

/**
 * A plugin that fails when called, over a host's runs (or poll cycles): in
 * every run exactly one typed error blamed on it, never lost or doubled, and
 * a record that says what happened.
 */
export function expectCallFault(
  runs: readonly { readonly failures: readonly PluginError[] }[],
  extension: Extension<unknown> | undefined,
  fault: LabFault,
  namespace: string,
): void {
  if (extension === undefined) throw new Error(`${fault.name} was not discovered`);
  for (const run of runs) {
    const errors = run.failures.filter((e) => e.plugin === fault.name);
    expect(errors, `${fault.name}: one error a run`).toHaveLength(1);
    expectFaultError(errors[0], fault, namespace);
  }
  expectFaultRecorded(extension, fault);
}

/** A good plugin's record: enabled, loaded, never failed. */
export function expectClean(extension: Extension<unknown>): void {
  const report = extension.toJSON();
  expect(report, extension.name).toMatchObject({
    status: 'enabled',
    loaded: true,
    lastError: undefined,
  });
  expect(report.history.some((h) => h.outcome === 'failed')).toBe(false);
}
