/** Helpers for this package's tests. Not part of the public API. */
import { type Extension, ExtensionSet } from '@plugin-patterns/loader';
import type { Outcome } from './engine.ts';
import { type CallOptions, IteratorManager, type IteratorOptions } from './iterator-manager.ts';
import type { MapResult, PluginCall } from './map.ts';

export const NAMESPACE = 'test.plugins';

/** A manager over plugin objects handed in directly (already loaded). */
export function managerOf<T>(
  objects: Readonly<Record<string, T>> | ReadonlyArray<readonly [string, T]>,
  options?: IteratorOptions,
): IteratorManager<T> {
  return new IteratorManager(ExtensionSet.fromObjects<T>(NAMESPACE, objects), options);
}

/** A manager whose map always runs the loop (map.ts), never a compiled run. */
export function loopManagerOf<T>(
  objects: Readonly<Record<string, T>> | ReadonlyArray<readonly [string, T]>,
  options?: IteratorOptions,
): IteratorManager<T> {
  return managerOf(objects, { ...options, codeGeneration: false });
}

/**
 * A manager whose every map run is the one compiled for its plan
 * (unrolled-map.ts). A plan compiles at its second map run, so before a
 * plan's first run this manager makes one that calls no plugin.
 */
export function unrolledManagerOf<T>(
  objects: Readonly<Record<string, T>> | ReadonlyArray<readonly [string, T]>,
  options?: IteratorOptions,
): IteratorManager<T> {
  return new UnrolledFromTheStart(ExtensionSet.fromObjects<T>(NAMESPACE, objects), options);
}

class UnrolledFromTheStart<T> extends IteratorManager<T> {
  #warmed: readonly Extension<T>[] | undefined;

  override map<R>(
    call: PluginCall<T, R>,
    options?: CallOptions,
  ): Outcome<R, MapResult<T, Awaited<R>>> {
    const plan = this.extensions();
    if (plan !== this.#warmed) {
      this.#warmed = plan;
      catchSync(() => super.map(() => undefined, options));
    }
    return super.map(call, options);
  }
}

/**
 * True when the calling code runs inside a compiled map run: the sync one
 * (`mapUnrolled`, the default) or the async one (`mapAsyncUnrolled`), told by
 * the generated function's name on the stack.
 */
export function inUnrolledRun(run: 'mapUnrolled' | 'mapAsyncUnrolled' = 'mapUnrolled'): boolean {
  return new Error().stack?.includes(run) ?? false;
}

/** A promise with its resolvers, for plugins whose answer the test releases. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** What `fn` threw synchronously, or undefined. */
export function catchSync(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Lets every pending promise callback run. */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Asserts that a run answered synchronously and narrows its type: a callback
 * typed `unknown` could return a promise, so its result type is the union.
 */
export function sync<R>(result: R | Promise<R>): R {
  if (result instanceof Promise) throw new TypeError('expected a synchronous result');
  return result;
}
