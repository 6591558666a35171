// @plugin-patterns/dispatch: the dispatcher pattern. Every plugin of a
// namespace is loaded; each call goes to the few it is meant for. The routing
// table, the event-type patterns and the other pieces are in `/parts`.

// By name or by predicate: the host picks the plugins per call.

export type {
  Delivery,
  DispatchOptions,
  DispatchResult,
  ErrorPolicy,
  PluginCall,
  Settled,
} from './delivery.ts';
export { Dispatcher, type DispatcherOptions, type ExtensionFilter } from './dispatcher.ts';

// By event type: each handler says what it handles, and events are routed to it.

export { type DeadLetter, DeadLetters } from './dead-letters.ts';
export type { DispatchAllResult } from './dispatch-all.ts';
export { EventDispatcher, type EventDispatcherOptions } from './event-dispatcher.ts';
export { MalformedEventError, UnroutedEventError } from './event-errors.ts';
export type { DispatchSummary, EventOutcome } from './event-outcome.ts';
