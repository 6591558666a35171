/**
 * What the host holds of an isolated plugin: a stand-in object with the
 * plugin's methods, each of which sends one message and returns a promise of
 * the answer, and copies of the plugin's data members (`meters`,
 * `eventTypes`), taken once when it was built, so that a host can inspect it
 * as it would inspect the plugin itself.
 *
 * The stand-in is a plain object: a contract by convention or by schema
 * checks it as it would check the plugin, but an abstract-class contract
 * cannot (the plugin's class stayed on the other side). Every method answers
 * with a promise, even where the plugin answers synchronously.
 */
import type { Runner } from './runner.ts';
import type { PluginShape } from './wire.ts';

/**
 * What the isolation's importer hands to its integration instead of a
 * module's export: the export stays in the worker or child, and this says
 * where.
 */
export class RemoteExport {
  readonly runner: Runner;
  readonly name: string;
  constructor(runner: Runner, name: string) {
    this.runner = runner;
    this.name = name;
  }
}

/**
 * `methods`: the methods the host may call (its contract's). A method the
 * plugin does not have is left off the stand-in, so the contract reports it
 * missing, as it would for the plugin itself. Undefined: all the plugin has.
 */
export function remotePlugin<T>(
  remote: RemoteExport,
  shape: PluginShape,
  methods: readonly string[] | undefined,
): T {
  const { runner, name } = remote;
  // Copied data first, so that no data member can stand where a method goes.
  const plugin: Record<string, unknown> = { ...shape.data };
  for (const method of methods ?? shape.methods) {
    if (!shape.methods.includes(method)) continue;
    plugin[method] = (...args: unknown[]) => runner.call(name, method, args);
  }
  return Object.freeze(plugin) as T;
}
