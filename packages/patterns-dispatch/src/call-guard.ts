/**
 * One guarded call to one plugin, turned into a `Delivery`.
 *
 * TEMPORARY: the loader is getting the shared call guard
 * (`packages/loader/src/invocation/guard.ts`); once it lands this file becomes
 * a thin adapter over it. Until then it implements the same rules:
 *
 * - a plugin that is not ready (disabled, failed, not loaded) is not called;
 * - a throw becomes a PluginCallError, recorded on the extension;
 * - a returned promise is awaited; a rejection becomes a PluginCallError and a
 *   promise still pending after `timeoutMs` a PluginTimeoutError, both
 *   recorded on the extension;
 * - a plain return value stays plain: no promise is created for it.
 */
import {
  type Extension,
  PluginCallError,
  type PluginError,
  PluginTimeoutError,
  PluginUnavailableError,
} from '@plugin-patterns/loader';
import { type CallOptions, type Delivery, isPromiseLike, type PluginCall } from './delivery.ts';

export function guardedCall<T, R>(
  extension: Extension<T>,
  call: PluginCall<T, R>,
  options: CallOptions,
): Delivery<Awaited<R>> | Promise<Delivery<Awaited<R>>> {
  if (!extension.isReady) return unavailable(extension);
  let returned: R;
  try {
    returned = call(extension.object);
  } catch (cause) {
    return failed(extension, callError(extension, cause, options));
  }
  if (!isPromiseLike(returned)) {
    return { plugin: extension.name, ok: true, value: returned as Awaited<R> };
  }
  return settle(extension, returned as PromiseLike<Awaited<R>>, options);
}

async function settle<T, V>(
  extension: Extension<T>,
  pending: PromiseLike<V>,
  options: CallOptions,
): Promise<Delivery<V>> {
  const { timeoutMs } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = Symbol('timed out');
  const deadline =
    timeoutMs === undefined
      ? undefined
      : new Promise<typeof timedOut>((resolve) => {
          timer = setTimeout(resolve, timeoutMs, timedOut);
        });
  try {
    const value = await (deadline === undefined ? pending : Promise.race([pending, deadline]));
    if (value === timedOut) {
      const who = { namespace: extension.namespace, name: extension.name };
      const error = new PluginTimeoutError(timeoutMs as number, withMethod(who, options));
      return failed(extension, error);
    }
    return { plugin: extension.name, ok: true, value: value as V };
  } catch (cause) {
    return failed(extension, callError(extension, cause, options));
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

function unavailable<T>(extension: Extension<T>): Delivery<never> {
  const state = extension.state;
  const reason =
    state.status === 'disabled'
      ? `disabled by ${state.by}: ${state.reason}`
      : state.status === 'failed'
        ? `failed at ${state.stage}: ${state.error.message}`
        : 'it has not been loaded yet';
  const who = { namespace: extension.namespace, name: extension.name };
  return { plugin: extension.name, ok: false, error: new PluginUnavailableError(reason, who) };
}

function failed<T>(extension: Extension<T>, error: PluginError): Delivery<never> {
  extension.fail(error);
  return { plugin: extension.name, ok: false, error };
}

function callError<T>(extension: Extension<T>, cause: unknown, options: CallOptions): PluginError {
  const who = { namespace: extension.namespace, name: extension.name, cause };
  return new PluginCallError(withMethod(who, options));
}

function withMethod<W extends object>(who: W, options: CallOptions): W & { method?: string } {
  return options.method === undefined ? who : { ...who, method: options.method };
}
