/**
 * The dispatcher pattern, by inspection: every handler of a namespace is
 * loaded, asked once what it handles, and each event then goes to the
 * handlers that subscribe to its type — ceilometer routing each notification
 * from the message bus to the handlers for its event type.
 *
 * A host chooses this when the plugins themselves know what they are for and
 * the host should not need a list of "which plugin for which event": install
 * a new handler and its events start reaching it. When the host must decide
 * per call, use `Dispatcher.byName` or `byPredicate` instead.
 *
 * Three promises to the host, whatever the plugins do:
 * - routing an event costs a cached lookup, not a scan of every handler;
 * - one handler's throw, rejection or timeout does not keep the event from the
 *   others: it is recorded on the handler's extension and as a dead letter;
 * - a malformed or unroutable event is reported (outcome and dead letter),
 *   never thrown, and never costs another event its delivery.
 * `onError: 'raise'` changes only the second: the host gets the first
 * handler failure thrown instead of collected.
 *
 * And one promise to each handler: the event it gets is the event as it was
 * sent. It is frozen before the first handler sees it (frozen-event.ts), so a
 * handler that tries to change it fails, alone, and the handlers after it and
 * the dead-letter record see what was sent.
 */
import type { Extension, ExtensionSet, PluginError } from '@plugin-patterns/loader';
import { describeThrown, isThenable } from '@plugin-patterns/loader/invocation';
import { type DeadLetterReason, DeadLetters, type NewDeadLetter } from './dead-letters.ts';
import { deliverInOrder } from './deliver-in-order.ts';
import type { DispatchOptions, DispatchResult, Settled } from './delivery.ts';
import { type DispatchAllResult, dispatchAll } from './dispatch-all.ts';
import { MalformedEventError, UnroutedEventError } from './event-errors.ts';
import type { EventOutcome } from './event-outcome.ts';
import { freezeEvent } from './frozen-event.ts';
import { inspectHandlers, type ReadSubscriptions } from './inspect-handlers.ts';
import { RoutingTable } from './routing-table.ts';

export interface EventDispatcherOptions<T, E, R> extends DispatchOptions {
  /** What a handler handles, e.g. `(h) => h.eventTypes`. Read once per handler, when built. */
  readonly subscriptions: ReadSubscriptions<T>;
  /** An event's type, e.g. `(n) => n.event_type`. Anything but a non-empty string is malformed. */
  readonly eventType: (event: E) => unknown;
  /** Delivers one event to one handler, e.g. `(h, n) => h.process(n)`. */
  readonly call: (handler: T, event: E) => R;
  /** Capacity of the dead-letter list (default 1000), or a list to share. */
  readonly deadLetters?: number | DeadLetters<E>;
  /** Whether events nobody handles become dead letters (default true). */
  readonly deadLetterUnrouted?: boolean;
  /** How many event types' routes to cache (default 1024). */
  readonly routeCacheSize?: number;
}

export class EventDispatcher<T, E extends object, R> {
  readonly namespace: string;
  /** Failed deliveries, malformed and unrouted events: bounded, oldest dropped first. */
  readonly deadLetters: DeadLetters<E>;
  readonly #options: EventDispatcherOptions<T, E, R>;
  readonly #table: RoutingTable<Extension<T>>;
  readonly #subscriptions: readonly { handler: string; patterns: readonly string[] }[];

  /** Inspects the set's ready handlers; call `EventDispatcher.load` to load the set first. */
  constructor(set: ExtensionSet<T>, options: EventDispatcherOptions<T, E, R>) {
    this.namespace = set.namespace;
    this.#options = options;
    const { deadLetters } = options;
    this.deadLetters =
      deadLetters instanceof DeadLetters ? deadLetters : new DeadLetters<E>(deadLetters);
    // A handler found by two sources is one handler, and gets each event once:
    // the set has turned its repeat off (found-twice) when it made the records.
    const subscriptions = inspectHandlers(set.ready(), options.subscriptions);
    this.#subscriptions = subscriptions.map((s) => ({
      handler: s.handler.name,
      patterns: s.patterns,
    }));
    const cacheSize = options.routeCacheSize;
    this.#table = new RoutingTable(subscriptions, cacheSize === undefined ? {} : { cacheSize });
  }

  static async load<T, E extends object, R>(
    set: ExtensionSet<T>,
    options: EventDispatcherOptions<T, E, R>,
  ): Promise<EventDispatcher<T, E, R>> {
    await set.loadAll();
    return new EventDispatcher(set, options);
  }

  /** What each routed handler declared, in routing order. */
  subscriptions(): readonly { handler: string; patterns: readonly string[] }[] {
    return this.#subscriptions;
  }

  /** The handlers an event of this type would reach, by name. Calls nothing. */
  route(eventType: string): string[] {
    return this.#table.route(eventType).map((e) => e.name);
  }

  /** Routes one event to its handlers. Sync unless a handler returns a promise. */
  dispatch(event: E, options?: DispatchOptions): Settled<R, EventOutcome<E, Awaited<R>>> {
    type Out = Settled<R, EventOutcome<E, Awaited<R>>>;
    const eventType = this.#readEventType(event);
    if (eventType instanceof MalformedEventError) {
      this.deadLetters.add(letter('malformed', event, undefined, eventType));
      return { status: 'malformed', event, eventType: undefined, error: eventType } as Out;
    }
    const targets = readyOnly(this.#table.route(eventType));
    if (targets.length === 0) {
      const error = new UnroutedEventError(this.namespace, eventType);
      if (this.#options.deadLetterUnrouted !== false) {
        this.deadLetters.add(letter('unrouted', event, eventType, error));
      }
      return { status: 'unrouted', event, eventType, error } as Out;
    }
    // One event, many handlers: none may change it for the next (frozen-event.ts).
    freezeEvent(event);
    const call = this.#options.call;
    const result = deliverInOrder(
      targets,
      (handler: T) => call(handler, event),
      options === undefined ? this.#options : { ...this.#options, ...options },
    );
    if (!isThenable(result)) return this.#routed(event, eventType, result) as Out;
    return result.then((settled) => this.#routed(event, eventType, settled)) as Out;
  }

  /**
   * Dispatches every event in turn: one outcome per event and a summary.
   * Synchronous for a list and sync handlers (see `dispatch-all.ts`).
   */
  dispatchAll(
    events: Iterable<E>,
    options?: DispatchOptions,
  ): Settled<R, DispatchAllResult<E, Awaited<R>>>;
  dispatchAll(
    events: AsyncIterable<E>,
    options?: DispatchOptions,
  ): Promise<DispatchAllResult<E, Awaited<R>>>;
  dispatchAll(
    events: Iterable<E> | AsyncIterable<E>,
    options?: DispatchOptions,
  ): DispatchAllResult<E, Awaited<R>> | Promise<DispatchAllResult<E, Awaited<R>>> {
    return dispatchAll(events, (event: E) => this.dispatch(event, options));
  }

  #routed(
    event: E,
    eventType: string,
    result: DispatchResult<Awaited<R>>,
  ): EventOutcome<E, Awaited<R>> {
    for (const delivery of result.deliveries) {
      if (!delivery.ok) {
        this.deadLetters.add(letter('failed', event, eventType, delivery.error, delivery.plugin));
      }
    }
    return { status: 'routed', event, eventType, ...result };
  }

  #readEventType(event: unknown): string | MalformedEventError {
    let reason: string;
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      reason = `expected an object, got ${event === null ? 'null' : typeof event}`;
    } else {
      let type: unknown;
      try {
        type = this.#options.eventType(event as E);
      } catch (cause) {
        return new MalformedEventError(
          this.namespace,
          `reading its event type threw: ${describeThrown(cause)}`,
        );
      }
      if (typeof type === 'string' && type.length > 0) return type;
      reason = `no event type (got ${type === '' ? 'an empty string' : typeof type})`;
    }
    return new MalformedEventError(this.namespace, reason);
  }
}

/** Handlers disabled since the table was built are left out, without allocating when none are. */
function readyOnly<T>(route: readonly Extension<T>[]): readonly Extension<T>[] {
  return route.every(isReady) ? route : route.filter(isReady);
}

function isReady<T>(extension: Extension<T>): boolean {
  return extension.isReady;
}

function letter<E>(
  reason: DeadLetterReason,
  event: E,
  eventType: string | undefined,
  error: PluginError,
  handler?: string,
): NewDeadLetter<E> {
  return { reason, event, eventType, handler, error };
}
