/**
 * A plugin failure as the tour prints it: which plugin, which error class,
 * and the message without the `[namespace:name] (stage)` prefix that the
 * table's columns already say (the error's own `detail`). Typed errors from
 * the loader carry the plugin's name; anything else is described as safely as
 * it can be.
 */
import { PluginError } from '@plugin-patterns/loader';
import { describeThrown } from '@plugin-patterns/loader/invocation';
import type { CallFailure } from './tour-result.ts';

export function callFailure(error: unknown, plugin: string): CallFailure {
  if (error instanceof PluginError) {
    return {
      plugin: error.plugin ?? plugin,
      error: error.name,
      message: error.detail,
    };
  }
  return {
    plugin,
    error: error instanceof Error ? error.name : 'thrown',
    message: describeThrown(error),
  };
}
