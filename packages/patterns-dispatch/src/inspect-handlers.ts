/**
 * Fine-grained integration: the host asks each loaded handler what it handles,
 * once, and files the answer in the routing table. The handler never touches
 * the host; the host looks at it and decides where it goes.
 *
 * The answer is the plugin's word, so it is checked like any plugin input: it
 * must be a list of valid patterns (see `event-pattern.ts`). A handler whose
 * answer cannot be read or is invalid fails at the integration stage — the
 * failure is recorded on its extension with the reason, and it gets no route —
 * while every other handler is filed as usual. A handler that declares no
 * patterns at all is kept, and its history says it will receive nothing.
 */
import { type Extension, PluginIntegrationError } from '@plugin-patterns/loader';
import { parseEventPattern } from './event-pattern.ts';
import type { Subscription } from './routing-table.ts';

/** Reads what a handler says it handles, e.g. `(handler) => handler.eventTypes`. */
export type ReadSubscriptions<T> = (handler: T, extension: Extension<T>) => readonly string[];

const HOW = 'reading its event types';
const BY = 'event-dispatcher';

export function inspectHandlers<T>(
  extensions: readonly Extension<T>[],
  read: ReadSubscriptions<T>,
): Subscription<Extension<T>>[] {
  const subscriptions: Subscription<Extension<T>>[] = [];
  for (const extension of extensions) {
    const patterns = readPatterns(extension, read);
    if (patterns === undefined) continue;
    extension.pass(
      'integration',
      BY,
      patterns.length === 0
        ? 'declares no event types: it will receive no events'
        : `handles ${patterns.join(', ')}`,
    );
    subscriptions.push({ handler: extension, patterns });
  }
  return subscriptions;
}

/** The handler's patterns, or undefined after recording why they are unusable. */
function readPatterns<T>(
  extension: Extension<T>,
  read: ReadSubscriptions<T>,
): readonly string[] | undefined {
  let declared: unknown;
  try {
    declared = read(extension.object, extension);
  } catch (cause) {
    reject(extension, cause);
    return undefined;
  }
  if (!Array.isArray(declared)) {
    reject(extension, new TypeError(`expected a list of event types, got ${describe(declared)}`));
    return undefined;
  }
  const problems: string[] = [];
  for (const pattern of declared) {
    const parsed = parseEventPattern(pattern);
    if (!parsed.ok) problems.push(parsed.problem);
  }
  if (problems.length > 0) {
    reject(extension, new TypeError(problems.join('; ')));
    return undefined;
  }
  // A copy: the plugin cannot change its routes after the table is built.
  return Object.freeze([...(declared as string[])]);
}

function reject<T>(extension: Extension<T>, cause: unknown): void {
  const who = { namespace: extension.namespace, name: extension.name, cause };
  extension.fail(new PluginIntegrationError(HOW, who), BY);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object that is not an array' : typeof value;
}
