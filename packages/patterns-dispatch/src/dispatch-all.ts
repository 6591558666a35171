/**
 * Dispatching a whole stream of events: one outcome per event, in the order
 * they came, and a summary that accounts for every one of them.
 *
 * Events are dispatched one at a time, each to completion before the next,
 * so handlers see the stream in its order (a sample from `create.end` is
 * written before the one from `delete.end`). For a plain list and sync
 * handlers the whole run is synchronous; the first handler that returns a
 * promise moves the rest of the run into an async continuation that keeps
 * reading the same iterator. An async iterable (a message-bus consumer) is
 * always awaited.
 *
 * Per-event outcomes are kept for the caller, so this suits a batch, a test
 * or a replay. A host consuming an endless bus should call `dispatch` per
 * event and count with a `DispatchTally` instead of keeping every outcome.
 */
import { isThenable } from '@plugin-patterns/loader/invocation';
import { type DispatchSummary, DispatchTally, type EventOutcome } from './event-outcome.ts';

export interface DispatchAllResult<E, R> {
  /** One per event, in stream order. */
  readonly outcomes: readonly EventOutcome<E, R>[];
  readonly summary: DispatchSummary;
}

type Dispatch<E, R> = (event: E) => EventOutcome<E, R> | PromiseLike<EventOutcome<E, R>>;

export function dispatchAll<E, R>(
  events: Iterable<E> | AsyncIterable<E>,
  dispatch: Dispatch<E, R>,
): DispatchAllResult<E, R> | Promise<DispatchAllResult<E, R>> {
  const run = new Run<E, R>();
  if (!(Symbol.iterator in events)) return drainAsync(events, dispatch, run);
  const iterator = events[Symbol.iterator]();
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    const outcome = dispatch(next.value);
    if (isThenable(outcome)) return continueAsync(iterator, outcome, dispatch, run);
    run.add(outcome);
  }
  return run.result();
}

async function continueAsync<E, R>(
  iterator: Iterator<E>,
  pending: PromiseLike<EventOutcome<E, R>>,
  dispatch: Dispatch<E, R>,
  run: Run<E, R>,
): Promise<DispatchAllResult<E, R>> {
  run.add(await pending);
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    run.add(await dispatch(next.value));
  }
  return run.result();
}

async function drainAsync<E, R>(
  events: AsyncIterable<E>,
  dispatch: Dispatch<E, R>,
  run: Run<E, R>,
): Promise<DispatchAllResult<E, R>> {
  for await (const event of events) run.add(await dispatch(event));
  return run.result();
}

class Run<E, R> {
  readonly #outcomes: EventOutcome<E, R>[] = [];
  readonly #tally = new DispatchTally();

  add(outcome: EventOutcome<E, R>): void {
    this.#outcomes.push(outcome);
    this.#tally.add(outcome);
  }

  result(): DispatchAllResult<E, R> {
    return { outcomes: this.#outcomes, summary: this.#tally.summary };
  }
}
