/**
 * How the loader publishes its stages: discovery once per extension set (a
 * whole namespace), then import, integration and enforcement once per
 * plugin. Loading is not a hot path, but the rule is the same as for calls:
 * when nobody listens, the stage runs as it would without tracing, and no
 * context is made.
 */
import type { PluginSource } from '../discovery/entry-point.ts';
import { type LoadStage, type LoadStageContext, loadChannel } from './channels.ts';
import { publishStep } from './publish-step.ts';
import type { TracedPlugin } from './trace-call.ts';

/** Runs one loading stage of one plugin, published when anyone listens. */
export function traceStage<R>(
  stage: Exclude<LoadStage, 'discovery'>,
  extension: TracedPlugin,
  by: string,
  step: () => R,
): R {
  if (!loadChannel.hasSubscribers) return step();
  const context = stageContext(stage, extension.namespace, by, extension.name, extension.source);
  return publishStep(loadChannel, context, step);
}

/**
 * Runs the discovery of one namespace by the given sources, published when
 * anyone listens, with the number of declarations found.
 */
export function traceDiscovery<D extends { readonly found: readonly unknown[] }>(
  namespace: string,
  sources: readonly { readonly kind: string }[],
  discover: () => D,
): D {
  if (!loadChannel.hasSubscribers) return discover();
  const by = sources.map((source) => source.kind).join(', ');
  const context = stageContext('discovery', namespace, by, undefined, undefined);
  return publishStep(loadChannel, context, () => {
    const declarations = discover();
    context.found = declarations.found.length;
    return declarations;
  });
}

function stageContext(
  stage: LoadStage,
  namespace: string,
  by: string,
  plugin: string | undefined,
  source: PluginSource | undefined,
): LoadStageContext {
  return { stage, namespace, plugin, source, by };
}
