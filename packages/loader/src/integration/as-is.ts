/**
 * Integration by using the export as it is: the module exports the plugin
 * object itself (an object literal, a function, a ready-made instance), and
 * the host calls it directly.
 *
 * This is the simplest way and often the right one: a plugin that needs no
 * arguments and no per-host state can be a plain object. It is also what the
 * pipeline does when no integration is given; `asIs()` exists so that a host
 * can say so explicitly, and so that reports name the choice. The price is
 * that the plugin cannot be told anything about the host — for that, see
 * `construct.ts` (the host passes arguments) and `setup.ts` (the plugin
 * registers itself).
 */
import type { Integration } from './integration.ts';

export function asIs<T>(): Integration<T> {
  return {
    name: 'as-is',
    // Whether the export really is a T is the contract's question, not this one's.
    integrate: (exported) => exported as T,
  };
}
