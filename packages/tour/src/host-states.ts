/**
 * Step 1: every extension of the tour's four namespaces, as the host left it
 * after loading — enabled (and whether it was imported), disabled by which
 * policy, failed at which stage — read from the extension records, which is
 * where the loader keeps that story.
 */
import { shortReason } from '@plugin-patterns/cli';
import type { Extension, ExtensionSet } from '@plugin-patterns/loader';
import type { TourHost } from './host-setup.ts';
import {
  describePipeline,
  FAULTY,
  faultyPipeline,
  NOTIFICATION,
  notificationPipeline,
  POLLSTER,
  pollsterPipeline,
  STORAGE,
} from './plugin-host.ts';
import type { NamespaceStates, PluginState } from './tour-result.ts';

export function hostStates(host: TourHost): NamespaceStates[] {
  const storageUrl = host.storage.url?.redacted ?? host.storage.name;
  return [
    states(
      STORAGE,
      `driver chosen by the URL ${storageUrl} · integration: construct({ url }) · contract: StorageDriver`,
      host.storage.extensions,
    ),
    states(NOTIFICATION, describePipeline(notificationPipeline), host.handlers),
    states(POLLSTER, describePipeline(pollsterPipeline), host.pollsters.set),
    states(FAULTY, describePipeline(faultyPipeline), host.faulty),
  ];
}

function pluginState(extension: Extension<unknown>): PluginState {
  const report = extension.toJSON();
  const state = extension.state;
  return {
    name: extension.name,
    status: report.status,
    loaded: report.loaded,
    stage: report.stage,
    by: state.status === 'disabled' ? state.by : undefined,
    reason: report.status === 'enabled' ? '' : shortReason(report),
    source: report.source,
  };
}

function states(namespace: string, pipeline: string, set: ExtensionSet<unknown>): NamespaceStates {
  return { namespace, pipeline, plugins: set.extensions.map(pluginState) };
}
