/**
 * The host guarding every call: the fourth way of holding a plugin to its API,
 * and the one primitive the driver, dispatcher and iterator share. A contract
 * checked at load time says the plugin *has* a `poll` method; only the call
 * shows whether `poll` works. So every call goes through here, and whatever
 * the plugin does — throw, reject, throw a string, hang — comes back as a typed
 * error that names the plugin and is recorded on its extension. One bad call
 * does not disable the plugin (see `Extension.fail`); the caller's error
 * policy decides what happens next.
 *
 * Two entry points, because hosts call plugins two ways:
 * - `invoke(extension, 'poll')` calls a method. It is the hot path: no options
 *   object, no closure, no promise unless the plugin returned one.
 * - `callPlugin(extension, fn, { method, timeoutMs })` runs any function of the
 *   plugin object (a plugin that is itself a function, several calls in one),
 *   and can put a time limit on a promised answer.
 *
 * Sync stays sync: a plugin that answers synchronously is answered
 * synchronously. A time limit can only apply to a promise — nothing can
 * interrupt synchronous code running on the host's own thread.
 */

import { describeValue } from '../enforcement/describe-value.ts';
import {
  PluginCallError,
  PluginResultError,
  PluginTimeoutError,
  PluginUnavailableError,
} from '../errors/kinds.ts';
import type { Extension } from '../extension/extension.ts';

export interface CallOptions {
  /** Named in errors and history: `call to poll() failed`. */
  readonly method?: string;
  /** For a promised answer only: reject with PluginTimeoutError after this many ms. */
  readonly timeoutMs?: number;
}

/** Names of T's methods (any name when T is not known). */
export type MethodName<T> = unknown extends T
  ? string
  : {
      [K in keyof T]-?: NonNullable<T[K]> extends (...args: never[]) => unknown ? K : never;
    }[keyof T] &
      string;

/** The parameters of method K of T. */
export type MethodArgs<T, K> = unknown extends T
  ? unknown[]
  : K extends keyof T
    ? NonNullable<T[K]> extends (...args: infer A) => unknown
      ? A
      : never
    : never;

/** What method K of T returns, promise or not. */
export type MethodResult<T, K> = unknown extends T
  ? unknown
  : K extends keyof T
    ? NonNullable<T[K]> extends (...args: never[]) => infer R
      ? R
      : never
    : never;

/** Calls `method` on the extension's object, guarded. A sync answer is returned as is. */
export function invoke<T, K extends MethodName<T>>(
  extension: Extension<T>,
  method: K,
  ...args: MethodArgs<T, K>
): MethodResult<T, K> {
  const object = readyObject(extension) as Record<K, (...args: unknown[]) => unknown>;
  let result: unknown;
  try {
    result = object[method](...args);
  } catch (thrown) {
    // Diagnosed here, off the hot path: a missing method is the plugin's fault too.
    throw callFailed(extension, missingMethod(object, method) ?? thrown, method);
  }
  if (typeof (result as { then?: unknown } | null | undefined)?.then === 'function') {
    return settle(extension, result as PromiseLike<unknown>, method, undefined) as MethodResult<
      T,
      K
    >;
  }
  return result as MethodResult<T, K>;
}

/**
 * Runs `fn(plugin)`, guarded. Whatever `fn` throws is blamed on the plugin, so
 * keep `fn` to the call itself; define it once, outside any loop.
 */
export function callPlugin<T, R>(
  extension: Extension<T>,
  fn: (plugin: T) => R,
  options: CallOptions = {},
): R {
  const { method, timeoutMs } = options;
  if (timeoutMs !== undefined && !(timeoutMs > 0 && Number.isFinite(timeoutMs))) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, not ${timeoutMs}`);
  }
  const object = readyObject(extension);
  let result: R;
  try {
    result = fn(object);
  } catch (thrown) {
    throw callFailed(extension, thrown, method);
  }
  if (typeof (result as { then?: unknown } | null | undefined)?.then === 'function') {
    return settle(extension, result as PromiseLike<unknown>, method, timeoutMs) as R;
  }
  return result;
}

/**
 * Checks the shape of what a plugin returned: a wrong shape becomes a
 * PluginResultError blamed on the plugin (and recorded), instead of a
 * TypeError deep inside the host later. `check` answers true, or false, or a
 * string saying what is wrong.
 */
export function checkResult<T, R>(
  extension: Extension<T>,
  value: unknown,
  check: (value: unknown) => value is R,
  what: string,
  options?: Pick<CallOptions, 'method'>,
): R;
export function checkResult<T>(
  extension: Extension<T>,
  value: unknown,
  check: (value: unknown) => boolean | string,
  what: string,
  options?: Pick<CallOptions, 'method'>,
): unknown;
export function checkResult<T>(
  extension: Extension<T>,
  value: unknown,
  check: (value: unknown) => boolean | string,
  what: string,
  options: Pick<CallOptions, 'method'> = {},
): unknown {
  const verdict = check(value);
  if (verdict === true) return value;
  const from = options.method === undefined ? '' : ` from ${options.method}()`;
  const detail = typeof verdict === 'string' && verdict !== '' ? ` (${verdict})` : '';
  const error = new PluginResultError(
    `expected ${what}${from}, got ${describeValue(value)}${detail}`,
    { namespace: extension.namespace, name: extension.name },
  );
  extension.fail(error);
  throw error;
}

/** Follows a promised answer: maps a rejection, and enforces the time limit. */
function settle(
  extension: Extension<unknown>,
  answer: PromiseLike<unknown>,
  method: string | undefined,
  timeoutMs: number | undefined,
): Promise<unknown> {
  // Promise.resolve adopts any thenable, and turns a `then` that throws into a rejection.
  const adopted = Promise.resolve(answer);
  if (timeoutMs === undefined) {
    return adopted.then(undefined, (thrown: unknown) => {
      throw callFailed(extension, thrown, method);
    });
  }
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      const error = new PluginTimeoutError(timeoutMs, who(extension, method));
      extension.fail(error);
      reject(error);
    }, timeoutMs);
    // A hung plugin must not keep a host that has finished its work alive.
    timer.unref();
    adopted.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (thrown: unknown) => {
        clearTimeout(timer);
        // A plugin that rejects after its time is up was already blamed once.
        if (!timedOut) reject(callFailed(extension, thrown, method));
      },
    );
  });
}

function missingMethod(object: unknown, method: string): TypeError | undefined {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) {
    return new TypeError(`the plugin is ${describeValue(object)}, which has no method ${method}()`);
  }
  let member: unknown;
  try {
    member = Reflect.get(object, method);
  } catch {
    return undefined; // a throwing getter: its own error says more
  }
  return typeof member === 'function'
    ? undefined
    : new TypeError(`the plugin has no method ${method}() (found ${describeValue(member)})`);
}

function readyObject<T>(extension: Extension<T>): T {
  if (extension.isReady) return extension.object;
  const state = extension.state;
  const reason =
    state.status === 'disabled'
      ? `disabled by ${state.by}: ${state.reason}`
      : state.status === 'failed'
        ? `it failed at ${state.stage}: ${state.error.message}`
        : 'it has not been loaded yet (call load() first)';
  throw new PluginUnavailableError(reason, {
    namespace: extension.namespace,
    name: extension.name,
  });
}

function callFailed(
  extension: Extension<unknown>,
  thrown: unknown,
  method: string | undefined,
): PluginCallError {
  const error = new PluginCallError({ ...who(extension, method), cause: thrown });
  extension.fail(error);
  return error;
}

function who(
  extension: Extension<unknown>,
  method: string | undefined,
): { namespace: string; name: string; method?: string } {
  const context = { namespace: extension.namespace, name: extension.name };
  return method === undefined ? context : { ...context, method };
}
