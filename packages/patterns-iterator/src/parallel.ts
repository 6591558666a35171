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
 *
 * Under a time limit, the plugins share one thread while they wait, so the
 * limit is charged to the plugin that held the time (held-time.ts).
 */
import type { Extension, PluginError } from '@plugin-patterns/loader';
import { callEnded, callFailed, callStarted, isThenable } from '@plugin-patterns/loader/invocation';
import { callOne, callsTraced } from './call-one.ts';
import { checkEmpty, type RunPolicy } from './error-policy.ts';
import { checkCallTime, settleWithin } from './held-time.ts';
import type { MapResult, PluginCall } from './map.ts';
import type { Plan } from './plan.ts';

/** Checks a concurrency limit: a whole number of at least 1, or Infinity (the default). */
export function checkConcurrency(concurrency: number): number {
  if (concurrency === Number.POSITIVE_INFINITY) return concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number ≥ 1 or Infinity, not ${concurrency}`);
  }
  return concurrency;
}

/** What became of one plugin's call. */
type Outcome = { readonly value: unknown } | { readonly failure: PluginError };

/** Calls every plugin of `plan`, at most `concurrency` at a time, and keeps every answer. */
export async function runParallel<T, R>(
  plan: Plan<T>,
  call: PluginCall<T, unknown>,
  policy: RunPolicy,
  concurrency: number,
): Promise<MapResult<T, R>> {
  const { extensions, objects } = plan;
  const tracing = callsTraced();
  if (extensions.length === 0) checkEmpty(policy);
  // By plan position, so that the result reads in plan order.
  const outcomes: Outcome[] = [];
  const limitMs = policy.guard.timeoutMs;
  let next = 0;
  let raised = false;

  // Each worker takes the next plugin until none is left: `concurrency` workers
  // means at most that many calls in flight.
  const worker = async (): Promise<void> => {
    while (next < extensions.length && !raised) {
      const i = next++;
      const extension = extensions[i] as Extension<T>;
      try {
        const calledAt = Date.now();
        // The plugin at work, named should it call process.exit(), marked as
        // the loader's guard marks its calls (a call here is awaited anyway,
        // and a mark per call is small beside an await). It covers the
        // call up to its answer or its first await. While calls wait together
        // their code takes turns on one thread, and no mark can say whose turn
        // it is (that would take async context tracking on every promise).
        const previous = callStarted(extension, policy.guard.method);
        let answer: unknown;
        try {
          answer = callOne(extension, objects[i] as T, call, tracing);
        } finally {
          callEnded(previous);
        }
        const promised = isThenable(answer);
        if (limitMs !== undefined)
          checkCallTime(extension, calledAt, limitMs, policy, answer, promised);
        if (promised) {
          answer = await (limitMs === undefined
            ? answer
            : settleWithin(extension, answer as PromiseLike<unknown>, limitMs, policy));
        }
        outcomes[i] = { value: answer };
      } catch (thrown) {
        // Blamed on the plugin; a timeout, already recorded, passes as it is.
        const failure = callFailed(extension, thrown, policy.guard.method);
        outcomes[i] = { failure };
        if (policy.onError === 'raise') {
          raised = true; // the workers start nothing new; calls in flight finish on their own
          throw failure;
        }
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let w = 0; w < Math.min(concurrency, extensions.length); w++) workers.push(worker());
  await Promise.all(workers);

  const result = { values: [] as R[], from: [] as Extension<T>[], failures: [] as PluginError[] };
  extensions.forEach((extension, i) => {
    const outcome = outcomes[i] as Outcome;
    if ('failure' in outcome) {
      result.failures.push(outcome.failure);
    } else {
      result.values.push(outcome.value as R);
      result.from.push(extension);
    }
  });
  return result;
}
