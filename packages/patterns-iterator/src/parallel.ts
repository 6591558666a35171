/**
 * Parallel: call every plugin at once and wait for all of them, at most
 * `concurrency` in flight (pollsters that each wait on a slow API, webhooks
 * fanned out to several receivers). The result is the same as map's, in
 * plan order rather than finishing order, so two runs over the same plugins
 * read the same way whatever the network did.
 *
 * It is the one mode that is always async: "at once" only means something
 * for plugins that wait. A sync plugin is still called without a promise of
 * its own; its answer just joins the others.
 */
import { callPlugin, type Extension, PluginError } from '@plugin-patterns/loader';
import { isThenable, type Plan } from './engine.ts';
import { blame, checkEmpty, type RunPolicy } from './error-policy.ts';
import type { MapResult, PluginCall } from './map.ts';

/** Checks a concurrency limit: a whole number of at least 1, or Infinity (the default). */
export function checkConcurrency(concurrency: number): number {
  if (concurrency === Number.POSITIVE_INFINITY) return concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number ≥ 1 or Infinity, not ${concurrency}`);
  }
  return concurrency;
}

export async function runParallel<T, R>(
  plan: Plan<T>,
  call: PluginCall<T, unknown>,
  policy: RunPolicy,
  concurrency: number,
): Promise<MapResult<T, R>> {
  const { extensions } = plan;
  const count = extensions.length;
  if (count === 0) checkEmpty(policy);

  // Keyed by plan position, so the result can be read back in plan order.
  const answers = new Map<number, unknown>();
  const failures = new Map<number, PluginError>();
  let next = 0;
  let raised = false;

  // Each worker takes the next plugin until none is left: `concurrency` workers
  // means at most that many calls in flight.
  const worker = async (): Promise<void> => {
    while (next < count && !raised) {
      const i = next++;
      const extension = extensions[i] as Extension<T>;
      try {
        // Through the loader's call guard: it types, records and times out.
        let value = callPlugin(extension, call, policy.guard);
        if (isThenable(value)) value = await value;
        answers.set(i, value);
      } catch (thrown) {
        const error = thrown instanceof PluginError ? thrown : blame(extension, thrown, policy);
        failures.set(i, error);
        if (policy.onError === 'raise') {
          raised = true; // the workers start nothing new; calls in flight finish on their own
          throw error;
        }
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let w = 0; w < Math.min(concurrency, count); w++) workers.push(worker());
  await Promise.all(workers);

  const values: R[] = [];
  const from: Extension<T>[] = [];
  const failed: PluginError[] = [];
  for (let i = 0; i < count; i++) {
    if (answers.has(i)) {
      values.push(answers.get(i) as R);
      from.push(extensions[i] as Extension<T>);
    } else {
      const failure = failures.get(i);
      if (failure !== undefined) failed.push(failure);
    }
  }
  return { values, from, failures: failed };
}
