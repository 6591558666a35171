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
 * Both keep the call's own path short, every rare case (a plugin not ready,
 * a promised answer) a function of its own, and the look for a promise in
 * the one try: a dispatcher runs this on every call. That, with the note of
 * the plugin at work made two assignments (plugin-at-work.ts), took dispatch
 * by name from 1.57-1.80x `Map.get` + call to 1.25-1.6x (micro-runs of its
 * benchmark on a busy machine).
 *
 * Sync stays sync: a plugin that answers synchronously is answered
 * synchronously. A time limit can only apply to a promise — nothing can
 * interrupt synchronous code running on the host's own thread. The promise
 * path is `settle.ts`; checking the shape of an answer is `check-result.ts`.
 */

import { PluginUnavailableError } from '../errors/kinds.ts';
import type { Extension } from '../extension/extension.ts';
import { disabledReason } from '../extension/extension-report.ts';
import { describeValue } from '../shared/describe-value.ts';
import { callEnded, callStarted } from '../shared/plugin-at-work.ts';
import { isThenable } from '../shared/thenable.ts';
import { checkTimeLimit } from '../shared/time-limit.ts';
import { callFailed, settle } from './settle.ts';

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
  let promised: boolean;
  const previous = callStarted(extension, method);
  try {
    result = object[method](...args);
    promised = isThenable(result); // looking runs the plugin's code too: see `callPlugin`
  } catch (thrown) {
    // Diagnosed here, off the hot path: a missing method is the plugin's fault too.
    throw callFailed(extension, missingMethod(object, method) ?? thrown, method);
  } finally {
    callEnded(previous);
  }
  if (promised) {
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
  if (timeoutMs !== undefined) checkTimeLimit('timeoutMs', timeoutMs);
  const object = readyObject(extension);
  let result: R;
  let promised: boolean;
  const previous = callStarted(extension, method);
  try {
    result = fn(object);
    // Whether the answer is a promise (any thenable). Looking runs the
    // plugin's code once more (a `then` getter, or a proxy's trap, even a
    // revoked proxy that throws on every look), so it is inside the try and
    // the mark: a throw here is the plugin's failure too.
    promised = isThenable(result);
  } catch (thrown) {
    throw callFailed(extension, thrown, method);
  } finally {
    callEnded(previous);
  }
  if (promised) return settle(extension, result as PromiseLike<unknown>, method, timeoutMs) as R;
  return result;
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
  throw unavailable(extension);
}

/** Why a plugin that is not ready cannot be called: off the hot path, like every failure. */
function unavailable(extension: Extension<unknown>): PluginUnavailableError {
  const state = extension.state;
  const reason =
    state.status === 'disabled'
      ? disabledReason(state)
      : state.status === 'failed'
        ? `it failed at ${state.stage}: ${state.error.message}`
        : 'it has not been loaded yet (call load() first)';
  return new PluginUnavailableError(reason, {
    namespace: extension.namespace,
    name: extension.name,
  });
}
