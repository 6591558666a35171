/**
 * What one call to one plugin produced, and the types every dispatch shares.
 *
 * A dispatcher calls plugins that are someone else's code, so each call is
 * guarded: a throw, a rejection or a timeout becomes a failed `Delivery`
 * carrying a typed error, recorded on the plugin's extension, and never stops
 * the other plugins from being called (unless the host asked for `raise`).
 *
 * Sync stays sync: a plugin that returns a plain value gets a plain
 * `Delivery` back, with no promise created on the way. Only a plugin that
 * returns a promise makes the dispatch asynchronous. `Settled<R, X>` says so in
 * the types: `X` for a plain `R`, `Promise<X>` for a promise, and both for a
 * plugin API that allows either.
 */
import type { PluginError } from '@plugin-patterns/loader';
import type { CallOptions } from '@plugin-patterns/loader/invocation';

/** `collect` (default): record the failure and go on. `raise`: throw the first failure. */
export type ErrorPolicy = 'collect' | 'raise';

/**
 * The loader's call options (`method` for error messages, `timeoutMs` for a
 * promised answer) plus what to do when a call fails.
 */
export interface DispatchOptions extends CallOptions {
  readonly onError?: ErrorPolicy;
}

export type Delivery<R> =
  | { readonly plugin: string; readonly ok: true; readonly value: R }
  | { readonly plugin: string; readonly ok: false; readonly error: PluginError };

/** Every delivery of one dispatch, in call order, and how many failed. */
export interface DispatchResult<R> {
  readonly deliveries: readonly Delivery<R>[];
  readonly failed: number;
}

/** A plugin call as the host writes it: given the plugin, call it (`(h) => h.process(n)`). */
export type PluginCall<T, R> = (plugin: T) => R;

/**
 * `X` when the call returns a plain value, `Promise<X>` when it returns a
 * promise, either when the call's type allows both (or says nothing).
 */
export type Settled<R, X> = unknown extends R
  ? X | Promise<X>
  : R extends PromiseLike<unknown>
    ? Promise<X>
    : X;
