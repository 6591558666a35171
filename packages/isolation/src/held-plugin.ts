/**
 * A plugin held by a runner: what the host remembers of it so that a new
 * worker thread or child process can load it again after a restart (where
 * its module is, how it was built, its record), the two messages that load
 * it there, and what an ending writes on its record.
 *
 * Kept apart from the runner (`runner.ts`), which decides when these happen
 * (first use, restart, ending): the functions here are plain, and say what a
 * load request looks like and what a plugin's record is told.
 */
import type { ImportWho } from '@plugin-patterns/loader/importing';
import type { IntegrationContext } from '@plugin-patterns/loader/integration';
import { endingFailure } from './failures.ts';
import type { ToPlugin } from './wire.ts';

export type PluginRecord = NonNullable<IntegrationContext['record']>;

/** A plugin held by a runner: what is needed to load it again after a restart. */
export interface Held {
  readonly who: ImportWho;
  readonly url: string;
  readonly exportName: string;
  build?: { readonly construct: boolean; readonly args: readonly unknown[] };
  record?: PluginRecord | undefined;
}

/** The message that imports `held`'s module there, as request `id`. */
export function importMessage(held: Held, id: number): ToPlugin {
  const { url, exportName } = held;
  return { kind: 'import', id, name: held.who.name, url, exportName };
}

/** The message that builds `held`'s export there (as it was built before), as request `id`. */
export function buildMessage(held: Held, id: number): ToPlugin {
  const { construct, args } = held.build ?? { construct: false, args: [] };
  return { kind: 'build', id, name: held.who.name, construct, args };
}

/**
 * Writes an ending (`cause`) on the records of every plugin the worker or
 * child held. A plugin whose own request failed with the ending has it on
 * its record already (`failedNow`). When the restart policy allows no more
 * restarts (`retired` says why), each is also disabled: nothing runs it now.
 */
export function recordEnding(
  held: Iterable<Held>,
  failedNow: ReadonlySet<Held>,
  cause: Error,
  retired: string | undefined,
  noun: string,
): void {
  for (const plugin of held) {
    if (plugin.record === undefined) continue;
    if (!failedNow.has(plugin)) plugin.record.fail(endingFailure(plugin.who, cause), noun);
    if (retired !== undefined) plugin.record.disable('restart policy', retired, 'invocation');
  }
}
