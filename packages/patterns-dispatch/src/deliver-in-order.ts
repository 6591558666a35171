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
import { guardedCall } from './call-guard.ts';
import {
  type CallOptions,
  type Delivery,
  type DispatchResult,
  isPromiseLike,
  type PluginCall,
} from './delivery.ts';

type Result<R> = DispatchResult<Awaited<R>>;

export function deliverInOrder<T, R>(
  targets: readonly Extension<T>[],
  call: PluginCall<T, R>,
  options: CallOptions,
): Result<R> | Promise<Result<R>> {
  const gathered = new Gathered<Awaited<R>>(options);
  for (let i = 0; i < targets.length; i++) {
    const delivery = guardedCall(targets[i] as Extension<T>, call, options);
    if (isPromiseLike(delivery)) return continueAsync(targets, i, delivery, call, gathered);
    gathered.add(delivery);
  }
  return gathered.result();
}

/** From the first async call on: await each call before making the next. */
async function continueAsync<T, R>(
  targets: readonly Extension<T>[],
  from: number,
  pending: Promise<Delivery<Awaited<R>>>,
  call: PluginCall<T, R>,
  gathered: Gathered<Awaited<R>>,
): Promise<Result<R>> {
  gathered.add(await pending);
  for (let i = from + 1; i < targets.length; i++) {
    gathered.add(await guardedCall(targets[i] as Extension<T>, call, gathered.options));
  }
  return gathered.result();
}

/** The deliveries so far, and the error policy that decides whether a failure stops the rest. */
class Gathered<V> {
  readonly options: CallOptions;
  readonly #deliveries: Delivery<V>[] = [];
  #failed = 0;

  constructor(options: CallOptions) {
    this.options = options;
  }

  add(delivery: Delivery<V>): void {
    if (!delivery.ok) {
      if (this.options.onError === 'raise') throw delivery.error;
      this.#failed += 1;
    }
    this.#deliveries.push(delivery);
  }

  result(): DispatchResult<V> {
    return { deliveries: this.#deliveries, failed: this.#failed };
  }
}
