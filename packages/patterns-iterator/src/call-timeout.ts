/**
 * The per-call timeout for plugins that answer with a promise. A plugin that
 * never settles would otherwise stall every plugin after it, and the host
 * would blame whichever plugin it was waiting on last. The timer starts when
 * the plugin's own promise arrives, so the error names the plugin that hung,
 * never the next one in line.
 *
 * Only thenables are raced: a synchronous answer has already arrived, and
 * sync stays sync. The plugin's promise is left to settle on its own (there is
 * no way to cancel someone else's promise); its late outcome is ignored.
 */
import { type Extension, PluginTimeoutError } from '@plugin-patterns/loader';
import type { RunPolicy } from './error-policy.ts';

export function settleWithin(
  thenable: PromiseLike<unknown>,
  extension: Extension<unknown>,
  policy: Pick<RunPolicy, 'timeoutMs' | 'method'>,
): Promise<unknown> {
  // Promise.resolve adopts the thenable, and turns a `then` that throws into a rejection.
  const answer = Promise.resolve(thenable);
  const ms = policy.timeoutMs;
  if (ms === undefined) return answer;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new PluginTimeoutError(ms, {
          namespace: extension.namespace,
          name: extension.name,
          ...(policy.method === undefined ? {} : { method: policy.method }),
        }),
      );
    }, ms);
    answer.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (thrown: unknown) => {
        clearTimeout(timer);
        reject(thrown);
      },
    );
  });
}

/** True for anything `await` would wait on: an object or function with a `then` method. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
