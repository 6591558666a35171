/**
 * The tour's host, as configuration: for each namespace, the enabling
 * policies, the integration and the contract it loads plugins with. The tour
 * builds its managers from these, and the package.json names this export as
 * its `pluginHost`, so `plugin-patterns explain … --cwd packages/tour` loads a
 * plugin exactly as the tour does and can tell its whole story.
 *
 * It imports no plugin: it is the host's side of the agreement only.
 *
 * Storage is left out on purpose: the tour chooses and constructs its one
 * storage driver from the `--storage` URL at run time (the driver pattern), so
 * there is no fixed way to build "every" storage plugin.
 */
import type { HostProfile, NamespacePipeline } from '@plugin-patterns/cli';
import {
  allInstalled,
  type Contract,
  construct,
  type EnablingPolicy,
  type Integration,
  selfCheck,
} from '@plugin-patterns/loader';
import type { NotificationHandler, Pollster } from '@plugin-patterns/meter-contracts';
import { handlerContract, pollsterContract } from './host-contracts.ts';

/** One namespace's choices, typed by what its plugins provide. */
export interface HostPipeline<T> {
  readonly policies: readonly EnablingPolicy[];
  readonly integration: Integration<T>;
  readonly contract: Contract<T>;
}

export const NOTIFICATION = 'meter.notification';
export const POLLSTER = 'meter.pollster';
export const FAULTY = 'meter.faulty';
export const STORAGE = 'meter.storage';

/** Every notification handler runs: installing one is enough (ceilometer's own choice). */
export const notificationPipeline: HostPipeline<NotificationHandler> = {
  policies: [allInstalled()],
  integration: construct<NotificationHandler>(),
  contract: handlerContract,
};

/** Every installed pollster runs unless it says it cannot run here (ceilometer's pollsters). */
export const pollsterPipeline: HostPipeline<Pollster> = {
  policies: [selfCheck()],
  integration: construct<Pollster>(),
  contract: pollsterContract,
};

/** The faulty plugins are pollsters too, held to the same contract. */
export const faultyPipeline: HostPipeline<Pollster> = {
  policies: [allInstalled()],
  integration: construct<Pollster>(),
  contract: pollsterContract,
};

export const pluginHost: HostProfile = {
  namespaces: {
    [NOTIFICATION]: notificationPipeline,
    [POLLSTER]: pollsterPipeline,
    [FAULTY]: faultyPipeline,
  },
};

/** One line naming a pipeline's choices, as the tour prints it above each namespace. */
export function describePipeline(pipeline: NamespacePipeline): string {
  const policies = (pipeline.policies ?? []).map((p) => p.name).join(' + ') || 'none';
  const integration = pipeline.integration?.name ?? 'as-is';
  const contract = pipeline.contract?.name ?? 'none';
  return `policies: ${policies} · integration: ${integration} · contract: ${contract}`;
}
