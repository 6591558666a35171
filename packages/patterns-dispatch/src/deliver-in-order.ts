/**
 * The engine every dispatch shares: call a list of plugins one after the
 * other, in the order given, and gather what each call produced.
 *
 * It stays synchronous for as long as the plugins do. The loop runs plainly
 * until a call returns a promise; only then does the rest of the dispatch move
 * into an async continuation, which waits for that call before making the next
 * one. So a dispatch to sync plugins returns a plain result, and a dispatch
 * that meets an async plugin still calls plugins in order, one at a time —
 * the order a host asked for is the order the calls happen in.
 *
 * Error policy: with `collect`, a failed call is one failed delivery among the
 * others. With `raise`, the first failure is thrown and the plugins after it
 * are not called — the host said it would rather stop than go on.
 */
import type { Extension } from '@plugin-patterns/loader';
import { isThenable } from '@plugin-patterns/loader/invocation';
import { guardedCall } from './call-guard.ts';
import type { Delivery, DispatchOptions, DispatchResult, PluginCall } from './delivery.ts';

type Result<R> = DispatchResult<Awaited<R>>;

export function deliverInOrder<T, R>(
  targets: readonly Extension<T>[],
  call: PluginCall<T, R>,
  options: DispatchOptions,
): Result<R> | Promise<Result<R>> {
  // Plain locals rather than a helper object: this loop is on the hot path of every dispatch.
  const deliveries: Delivery<Awaited<R>>[] = [];
  let failed = 0;
  for (let i = 0; i < targets.length; i++) {
    const delivery = guardedCall(targets[i] as Extension<T>, call, options);
    if (isThenable(delivery)) {
      return continueAsync(targets, i, delivery, call, options, { deliveries, failed });
    }
    failed += failures(delivery, options);
    deliveries.push(delivery);
  }
  return { deliveries, failed };
}

/** From the first async call on: await each call before making the next. */
async function continueAsync<T, R>(
  targets: readonly Extension<T>[],
  from: number,
  pending: Promise<Delivery<Awaited<R>>>,
  call: PluginCall<T, R>,
  options: DispatchOptions,
  sofar: { deliveries: Delivery<Awaited<R>>[]; failed: number },
): Promise<Result<R>> {
  const { deliveries } = sofar;
  let { failed } = sofar;
  for (let i = from; i < targets.length; i++) {
    const delivery =
      i === from ? await pending : await guardedCall(targets[i] as Extension<T>, call, options);
    failed += failures(delivery, options);
    deliveries.push(delivery);
  }
  return { deliveries, failed };
}

/** 1 for a failed delivery, 0 otherwise; with `raise`, a failure is thrown instead. */
function failures<V>(delivery: Delivery<V>, options: DispatchOptions): 0 | 1 {
  if (delivery.ok) return 0;
  if (options.onError === 'raise') throw delivery.error;
  return 1;
}
