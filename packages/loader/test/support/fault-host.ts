/**
 * A host project for the fault-injection suites: a temporary folder whose
 * package.json depends on the real sample plugins (linked, as a workspace
 * install links them) and on the generated fault lab, so one package scan
 * finds the sample package's hand-written `meter.faulty` plugins and the
 * lab's grid of faults side by side, exactly as a host would find them.
 * It also holds the wiring every pattern's fault suite shares: the set a host
 * discovers over that folder, the host's check of what `poll()` returns, and
 * a place in the folder for the host's storage.
 */
import { join } from 'node:path';
import type { DiscoverySource } from '../../src/discovery/entry-point.ts';
import { packageScan } from '../../src/discovery/package-scan.ts';
import type { EnablingPolicy } from '../../src/enabling/policy.ts';
import { selfCheck } from '../../src/enabling/self-check.ts';
import type { SyncContract } from '../../src/enforcement/contract.ts';
import { convention } from '../../src/enforcement/convention.ts';
import { ExtensionSet } from '../../src/extension/extension-set.ts';
import { construct } from '../../src/integration/construct.ts';
import { type FakeProject, makeProject } from '../../test-fixtures/make-project.ts';
import { faultLabPackage, LAB_FAULTS, LAB_PACKAGE, type LabFault } from './fault-lab.ts';

export const SAMPLE_PLUGINS = '@plugin-patterns/sample-plugins';
const SAMPLE_PLUGINS_DIR = join(import.meta.dirname, '..', '..', '..', 'sample-plugins');

/** The sample package's faulty plugins: the namespace the lab joins. */
export const FAULTY_NAMESPACE = 'meter.faulty';

/** What the host expects of a pollster; the loader's own convention contract. */
export interface LabPollster {
  readonly meters: readonly string[];
  checkAvailability?(): unknown;
  poll(): unknown;
}

export const pollsterContract: SyncContract<LabPollster> = convention<LabPollster>({
  name: 'Pollster',
  members: { meters: 'array', poll: 'function', checkAvailability: 'function?' },
});

export interface FaultHost {
  readonly project: FakeProject;
  /** A package scan over the host, without a cache (each test scans afresh). */
  readonly source: DiscoverySource;
  /** A SQLite URL for a file in the host's folder: its storage goes when the host does. */
  storageUrl(file: string): string;
}

/** Builds the host (`project.remove()` deletes it); the lab declares into `namespace`. */
export function faultHost(namespace: string = FAULTY_NAMESPACE): FaultHost {
  const project = makeProject({
    host: { dependencies: { [SAMPLE_PLUGINS]: 'workspace:*', [LAB_PACKAGE]: '1.0.0' } },
    packages: [faultLabPackage(namespace)],
  });
  project.linkWorkspace(SAMPLE_PLUGINS, SAMPLE_PLUGINS_DIR);
  return {
    project,
    source: packageScan({ cwd: project.dir, cache: false }),
    storageUrl: (file) => `sqlite://${join(project.dir, file)}`,
  };
}

/**
 * The set a host builds over `faultHost()` (with the lab in `meter.faulty`):
 * every plugin of that namespace, built by `construct()` and held to
 * `pollsterContract`. Nothing is imported yet. By default each plugin's
 * availability check runs at load (`selfCheck`), so the check faults disable
 * their plugins there; a suite that wants the check later (the poller asks in
 * its first cycle) passes `[]`, and one that wants only some plugins passes
 * an allow list.
 */
export function discoverFaults(
  host: FaultHost,
  policies: readonly EnablingPolicy[] = [selfCheck()],
): ExtensionSet<LabPollster> {
  return ExtensionSet.discover<LabPollster>({
    namespace: FAULTY_NAMESPACE,
    sources: [host.source],
    integration: construct(),
    contract: pollsterContract,
    policies,
  });
}

/**
 * The host's check of what `poll()` returned, for `checkResult`: a list whose
 * every item passes `itemProblems`, or else `false` (not a list) or the first
 * problem found. The host hands in its own item check (meter-contracts'
 * `sampleProblems`), since the loader knows nothing of samples.
 */
export function listCheck(
  itemProblems: (item: unknown) => readonly string[],
): (value: unknown) => boolean | string {
  return (value) => {
    if (!Array.isArray(value)) return false;
    return value.flatMap((item: unknown) => itemProblems(item))[0] ?? true;
  };
}

/**
 * The sample package's own faulty plugins, as the host should see them. The
 * call-stage ones assume the host checks what `poll()` returns with
 * `checkResult(extension, value, listCheck(sampleProblems), 'Sample[]', { method: 'poll' })`.
 */
export const SAMPLE_FAULTS: readonly LabFault[] = [
  {
    name: 'import-fails',
    stage: 'import',
    status: 'failed',
    error: 'PluginImportError',
    shows: 'import-fails: the calibration table is missing',
  },
  {
    name: 'breaks-contract',
    stage: 'enforcement',
    status: 'failed',
    error: 'ContractViolationError',
    shows: 'poll: missing (expected a function)',
  },
  {
    name: 'throws',
    stage: 'invocation',
    status: 'enabled',
    error: 'PluginCallError',
    shows: 'call to poll() failed: throws: the sensor did not answer',
  },
  {
    name: 'never-settles',
    stage: 'invocation',
    status: 'enabled',
    error: 'PluginTimeoutError',
    shows: 'call to poll() did not settle within',
  },
  {
    name: 'wrong-shape',
    stage: 'invocation',
    status: 'enabled',
    error: 'PluginResultError',
    shows: 'from poll(), got an object with keys volume',
  },
  {
    name: 'throws-non-error',
    stage: 'invocation',
    status: 'enabled',
    error: 'PluginCallError',
    shows: 'call to poll() failed: throws-non-error: sensor offline',
  },
];

/** Every fault a host over `faultHost()` meets: the sample package's and the lab's. */
export const ALL_FAULTS: readonly LabFault[] = [...SAMPLE_FAULTS, ...LAB_FAULTS];
/** Faults that stop a plugin before it is ever called. */
export const LOAD_FAULTS: readonly LabFault[] = ALL_FAULTS.filter((f) => f.stage !== 'invocation');
/** Faults that show only when the plugin is called. */
export const CALL_FAULTS: readonly LabFault[] = ALL_FAULTS.filter((f) => f.stage === 'invocation');
