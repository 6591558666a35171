/**
 * How a pattern publishes its plugin calls. A call site keeps its plain call
 * and asks the channel first, so that when nobody listens the call is what it
 * was, plus one check:
 *
 *     value = (callChannel.hasSubscribers ? traced('iterator', extension, call) : call)(plugin);
 *
 * `traced` wraps the host's callback for one plugin; the wrapper publishes
 * the call's events around it and hands back its answer (a promise answer as
 * a promise that settles the same way). The call site's own guard still
 * catches and blames whatever the plugin threw: tracing only watches.
 *
 * A host or another pattern that calls plugins its own way publishes its
 * calls the same way, with its own pattern name among the three.
 */
import type { PluginSource } from '../discovery/entry-point.ts';
import { shapesOf } from './arg-shape.ts';
import { callChannel, type Pattern, type PluginCallContext } from './channels.ts';
import { publishStep } from './publish-step.ts';

/** What a trace needs to know of a plugin: its extension record has all of it. */
export interface TracedPlugin {
  readonly namespace: string;
  readonly name: string;
  readonly source: PluginSource;
}

/** `fn`, publishing each call on the call channel as `pattern` calling `extension`'s plugin. */
export function traced<P, A extends unknown[], R>(
  pattern: Pattern,
  extension: TracedPlugin,
  fn: (plugin: P, ...args: A) => R,
): (plugin: P, ...args: A) => R {
  return (plugin: P, ...args: A): R => {
    const context: PluginCallContext = {
      namespace: extension.namespace,
      plugin: extension.name,
      source: extension.source,
      pattern,
      args: shapesOf(args),
    };
    return publishStep(callChannel, context, () => fn(plugin, ...args));
  };
}
