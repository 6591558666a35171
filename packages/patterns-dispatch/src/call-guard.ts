/**
 * One guarded call to one plugin, as a `Delivery`.
 *
 * The guarding is the loader's: a plugin that is not ready is refused with a
 * PluginUnavailableError, a throw or a rejection becomes a PluginCallError
 * recorded on the extension, a late promise under a time limit becomes a
 * PluginTimeoutError, and a synchronous answer stays synchronous. What a
 * dispatcher adds is only the shape: instead of a thrown error, a failed
 * delivery among the others, so one plugin's failure is data the dispatch
 * carries on with.
 *
 * A call by name is meant to cost little more than a `Map.get` and the call,
 * so the common case — a ready plugin, no time limit — is guarded here, inline
 * (`callReady`): the call in a `try`, a thenable test that costs next to
 * nothing for a plain answer, one delivery object. Going through the loader's
 * `callPlugin` and then shaping its answer would check the options and the
 * thenable twice over (in a trial that cost about 1.3x a `Map.get` and a call,
 * against about 1.2x this way). Everything else (a time limit, a plugin that
 * is not ready) takes the loader's path, which owns those rules; the blame is
 * the same either way.
 *
 * Two small things keep the inline guard cheap. Readiness is asked as
 * `isReady === true`, not `!isReady`: V8 does not know the getter only ever
 * answers a boolean, so `!` tests for every falsy value (false, null,
 * undefined, 0, '', a BigInt zero), where `=== true` is one comparison. And a
 * primitive answer (a number, a string, `undefined` from a handler with
 * nothing to say) is delivered before the thenable test: `await` never waits
 * on a primitive, so there is no `then` to look up and nothing that can throw.
 *
 * Only the loader's typed errors become deliveries. Anything else thrown here
 * (a RangeError for a negative `timeoutMs`, say) is the host's own mistake and
 * is left to propagate.
 */
import { type Extension, PluginError } from '@plugin-patterns/loader';
import { callFailed, callPlugin, isThenable } from '@plugin-patterns/loader/invocation';
import { callChannel, traced } from '@plugin-patterns/loader/tracing';
import type { Delivery, DispatchOptions, PluginCall } from './delivery.ts';

export function guardedCall<T, R>(
  extension: Extension<T>,
  call: PluginCall<T, R>,
  options: DispatchOptions,
): Delivery<Awaited<R>> | Promise<Delivery<Awaited<R>>> {
  if (options.timeoutMs !== undefined || extension.isReady !== true) {
    return throughLoader(extension, call, options);
  }
  return callReady(extension, call, options.method);
}

/**
 * The inline guard, for a plugin the caller found ready (`isReady === true`)
 * with no time limit in force. `method` names the call in a failure's message.
 */
export function callReady<T, R>(
  extension: Extension<T>,
  call: PluginCall<T, R>,
  method: string | undefined,
): Delivery<Awaited<R>> | Promise<Delivery<Awaited<R>>> {
  let answer: R;
  try {
    answer = (callChannel.hasSubscribers ? traced('dispatch', extension, call) : call)(
      extension.object,
    );
  } catch (thrown) {
    return failure(extension, callFailed(extension, thrown, method));
  }
  // A primitive (a number, a string, undefined) is never awaited as a thenable.
  if (typeof answer !== 'object' && typeof answer !== 'function') {
    return { plugin: extension.name, ok: true, value: answer as Awaited<R> };
  }
  let promised: boolean;
  try {
    // A `then` getter runs the plugin's code, a revoked proxy throws: the plugin's failure too.
    promised = isThenable(answer);
  } catch (thrown) {
    return failure(extension, callFailed(extension, thrown, method));
  }
  if (!promised) return { plugin: extension.name, ok: true, value: answer as Awaited<R> };
  // One `.then` on the plugin's own answer: the delivery, or the blamed rejection.
  return Promise.resolve(answer).then(
    (value): Delivery<Awaited<R>> => ({ plugin: extension.name, ok: true, value }),
    (thrown: unknown) => failure(extension, callFailed(extension, thrown, method)),
  );
}

/** The loader's call guard, for a time limit or a plugin that cannot be called now. */
function throughLoader<T, R>(
  extension: Extension<T>,
  call: PluginCall<T, R>,
  options: DispatchOptions,
): Delivery<Awaited<R>> | Promise<Delivery<Awaited<R>>> {
  let answer: R;
  try {
    answer = callPlugin(
      extension,
      callChannel.hasSubscribers ? traced('dispatch', extension, call) : call,
      options,
    );
  } catch (thrown) {
    return failure(extension, thrown);
  }
  if (!isThenable(answer)) {
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
