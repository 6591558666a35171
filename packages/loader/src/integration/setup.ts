/**
 * Coarse-grained integration: the plugin integrates itself. Its module exports
 * a `setup(host)` function (or an object with a `setup` method), and setup
 * registers whatever the plugin provides — several hooks, of several kinds —
 * through the host's registry. The host does not inspect the plugin; it asks
 * the registry who registered what.
 *
 * Choose it when one plugin contributes several small things (a formatter, a
 * command and an event handler), as Sphinx extensions, pytest plugins and
 * bundler plugins do. Choose `construct.ts` when each plugin is one object with
 * one API that the host calls.
 *
 * The integrated object is the list of the plugin's own registrations, so the
 * extension record still answers "what did this plugin provide?". Setup runs
 * once per plugin (the pipeline loads each extension once); a setup that fails
 * registers nothing (see `hook-registry.ts`).
 */

import { PluginIntegrationError } from '../errors/kinds.ts';
import { describeValue } from '../shared/describe-value.ts';
import { isClass } from '../shared/is-class.ts';
import { isThenable } from '../shared/thenable.ts';
import type { HookFn, HookHost, HookRegistry, Registration } from './hook-registry.ts';
import type { Integration, IntegrationContext } from './integration.ts';

/** What a coarse-grained plugin module exports. */
export type SetupPlugin<Hooks extends object = Record<string, HookFn>> =
  | ((host: HookHost<Hooks>) => void | Promise<void>)
  | { setup(host: HookHost<Hooks>): void | Promise<void> };

export interface SetupOptions<Hooks extends object> {
  readonly registry: HookRegistry<Hooks>;
}

export function setup<Hooks extends object>(
  options: SetupOptions<Hooks>,
): Integration<readonly Registration[]> {
  return {
    name: 'setup',
    integrate(exported, context): readonly Registration[] | Promise<readonly Registration[]> {
      const run = setupOf(exported, context);
      const session = options.registry.open(context);
      let answer: unknown;
      try {
        answer = run(session.host);
      } catch (cause) {
        session.discard();
        throw new PluginIntegrationError('setup(host)', { ...context, cause });
      }
      if (isThenable(answer)) {
        return Promise.resolve(answer).then(
          () => session.commit(),
          (cause: unknown) => {
            session.discard();
            throw new PluginIntegrationError('setup(host)', { ...context, cause });
          },
        );
      }
      return session.commit();
    },
  };
}

/** The export's setup function, bound to the export when it is a method. */
function setupOf(exported: unknown, context: IntegrationContext): (host: unknown) => unknown {
  if (typeof exported === 'function' && !isClass(exported)) {
    return exported as (host: unknown) => unknown;
  }
  const method: unknown =
    typeof exported === 'object' && exported !== null
      ? (exported as { setup?: unknown }).setup
      : undefined;
  if (typeof method === 'function') return (host) => method.call(exported, host);
  throw new PluginIntegrationError('setup', {
    ...context,
    cause: new TypeError(
      `expected a setup(host) function or an object with a setup method, got ${describeValue(exported)}`,
    ),
  });
}
