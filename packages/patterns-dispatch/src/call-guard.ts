/**
 * One guarded call to one plugin, as a `Delivery`.
 *
 * The guarding is the loader's (`callPlugin`): a plugin that is not ready is
 * refused with a PluginUnavailableError, a throw or a rejection becomes a
 * PluginCallError recorded on the extension, a late promise under a time limit
 * becomes a PluginTimeoutError, and a synchronous answer stays synchronous.
 * What a dispatcher adds is only the shape: instead of a thrown error, a
 * failed delivery among the others, so one plugin's failure is data the
 * dispatch carries on with.
 *
 * Only the loader's typed errors become deliveries. Anything else thrown here
 * (a RangeError for a negative `timeoutMs`, say) is the host's own mistake and
 * is left to propagate.
 */
import { type Extension, PluginError } from '@plugin-patterns/loader';
import { callFailed, callPlugin } from '@plugin-patterns/loader/invocation';
import { callChannel, traced } from '@plugin-patterns/loader/tracing';
import type { Delivery, DispatchOptions, PluginCall } from './delivery.ts';

export function guardedCall<T, R>(
  extension: Extension<T>,
  call: PluginCall<T, R>,
  options: DispatchOptions,
): Delivery<Awaited<R>> | Promise<Delivery<Awaited<R>>> {
  const fn = callChannel.hasSubscribers ? traced('dispatch', extension, call) : call;
  let answer: R;
  try {
    answer = callPlugin(extension, fn, options);
  } catch (thrown) {
    return failure(extension, thrown);
  }
  // For any thenable answer `callPlugin` hands back a promise of its own, so
  // `instanceof Promise` tells without reading the plugin's `then` again. (A
  // proxy's getPrototypeOf trap is the plugin's code, and may throw.)
  let promised: boolean;
  try {
    promised = answer instanceof Promise;
  } catch (thrown) {
    return failure(extension, callFailed(extension, thrown, options.method));
  }
  if (promised) return deliverLater(extension, answer as Promise<Awaited<R>>);
  return { plugin: extension.name, ok: true, value: answer as Awaited<R> };
}

function deliverLater<T, V>(extension: Extension<T>, answer: Promise<V>): Promise<Delivery<V>> {
  return Promise.resolve(answer).then(
    (value): Delivery<V> => ({ plugin: extension.name, ok: true, value }),
    (thrown: unknown) => failure(extension, thrown),
  );
}

function failure<T>(extension: Extension<T>, thrown: unknown): Delivery<never> {
  if (!(thrown instanceof PluginError)) throw thrown;
  return { plugin: extension.name, ok: false, error: thrown };
}
