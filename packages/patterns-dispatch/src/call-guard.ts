/**
 * One guarded call to one plugin, as a `Delivery`.
 *
 * The guarding itself is the loader's (`callPlugin`): it refuses a plugin
 * that is not ready, turns a throw or a rejection into a PluginCallError and a
 * late promise into a PluginTimeoutError, records them on the extension, and
 * keeps a synchronous answer synchronous. What a dispatcher adds is only the
 * shape: instead of a thrown error, a failed delivery among the others, so
 * one plugin's failure is data the dispatch carries on with.
 *
 * Only the loader's typed errors become deliveries. Anything else thrown here
 * (a RangeError for a negative `timeoutMs`, say) is the host's own mistake and
 * is left to propagate.
 */
import { callPlugin, type Extension, PluginError } from '@plugin-patterns/loader';
import { type Delivery, type DispatchOptions, isPromiseLike, type PluginCall } from './delivery.ts';

export function guardedCall<T, R>(
  extension: Extension<T>,
  call: PluginCall<T, R>,
  options: DispatchOptions,
): Delivery<Awaited<R>> | Promise<Delivery<Awaited<R>>> {
  let answer: R;
  try {
    answer = callPlugin(extension, call, options);
  } catch (thrown) {
    return failure(extension, thrown);
  }
  if (!isPromiseLike(answer)) {
    return { plugin: extension.name, ok: true, value: answer as Awaited<R> };
  }
  return Promise.resolve(answer).then(
    (value): Delivery<Awaited<R>> => ({ plugin: extension.name, ok: true, value }),
    (thrown: unknown) => failure(extension, thrown),
  );
}

function failure<T>(extension: Extension<T>, thrown: unknown): Delivery<never> {
  if (!(thrown instanceof PluginError)) throw thrown;
  return { plugin: extension.name, ok: false, error: thrown };
}
