/**
 * What became of one event, and the running count over many.
 *
 * Every event gets exactly one outcome — routed (to one or more handlers,
 * some of which may have failed), unrouted (well-formed, but nobody handles
 * its type) or malformed (not an object, or no usable event type) — so a host
 * can account for every event it was given: the counts of a summary always
 * add up to the number of events.
 */
import type { DispatchResult } from './delivery.ts';
import type { MalformedEventError, UnroutedEventError } from './event-errors.ts';

export type EventOutcome<E, R> =
  | (DispatchResult<R> & {
      readonly status: 'routed';
      readonly event: E;
      readonly eventType: string;
    })
  | {
      readonly status: 'unrouted';
      readonly event: E;
      readonly eventType: string;
      readonly error: UnroutedEventError;
    }
  | {
      readonly status: 'malformed';
      /** As it arrived: it may not be an `E` at all. */
      readonly event: unknown;
      readonly eventType: undefined;
      readonly error: MalformedEventError;
    };

export interface DispatchSummary {
  /** Events seen: always routed + unrouted + malformed. */
  readonly events: number;
  readonly routed: number;
  readonly unrouted: number;
  readonly malformed: number;
  /** Calls made to handlers, successful or not. */
  readonly deliveries: number;
  /** Calls that threw, rejected or timed out. */
  readonly failed: number;
}

/** Counts outcomes as they come, for hosts that dispatch a stream one event at a time. */
export class DispatchTally {
  #events = 0;
  #routed = 0;
  #unrouted = 0;
  #malformed = 0;
  #deliveries = 0;
  #failed = 0;

  add(outcome: EventOutcome<unknown, unknown>): void {
    this.#events += 1;
    if (outcome.status === 'routed') {
      this.#routed += 1;
      this.#deliveries += outcome.deliveries.length;
      this.#failed += outcome.failed;
    } else if (outcome.status === 'unrouted') {
      this.#unrouted += 1;
    } else {
      this.#malformed += 1;
    }
  }

  get summary(): DispatchSummary {
    return {
      events: this.#events,
      routed: this.#routed,
      unrouted: this.#unrouted,
      malformed: this.#malformed,
      deliveries: this.#deliveries,
      failed: this.#failed,
    };
  }
}
