/** Helpers for this package's tests. Not part of the public API. */
import { ExtensionSet } from '@plugin-patterns/loader';
import { CompiledIteratorManager } from './compiled/compiled-manager.ts';
import { IteratorManager, type IteratorOptions } from './iterator-manager.ts';

export const NAMESPACE = 'test.plugins';

/** A manager over plugin objects handed in directly (already loaded). */
export function managerOf<T>(
  objects: Readonly<Record<string, T>> | ReadonlyArray<readonly [string, T]>,
  options?: IteratorOptions,
): IteratorManager<T> {
  return new IteratorManager(ExtensionSet.fromObjects<T>(NAMESPACE, objects), options);
}

/** A manager whose map runs the compiled opt-in (compiled/compiled-manager.ts). */
export function compiledManagerOf<T>(
  objects: Readonly<Record<string, T>> | ReadonlyArray<readonly [string, T]>,
  options?: IteratorOptions,
): IteratorManager<T> {
  return new CompiledIteratorManager(ExtensionSet.fromObjects<T>(NAMESPACE, objects), options);
}

/** True when the calling code runs inside a compiled map function, told by its name on the stack. */
export function inCompiledRun(): boolean {
  return /\bcompiledMap\d+\b/.test(new Error().stack ?? '');
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
