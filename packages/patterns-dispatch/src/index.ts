export {
  type DeadLetter,
  type DeadLetterReason,
  DeadLetters,
  type NewDeadLetter,
} from './dead-letters.ts';
export type {
  Delivery,
  DispatchOptions,
  DispatchResult,
  ErrorPolicy,
  PluginCall,
  Settled,
} from './delivery.ts';
export type { DispatchAllResult } from './dispatch-all.ts';
export { Dispatcher, type ExtensionFilter } from './dispatcher.ts';
export { EventDispatcher, type EventDispatcherOptions } from './event-dispatcher.ts';
export { MalformedEventError, UnroutedEventError } from './event-errors.ts';
export { type DispatchSummary, DispatchTally, type EventOutcome } from './event-outcome.ts';
export {
  type EventPattern,
  formatEventPattern,
  matchesEventPattern,
  type ParsedPattern,
  parseEventPattern,
} from './event-pattern.ts';
export type { ReadSubscriptions } from './inspect-handlers.ts';
export { RoutingTable, type RoutingTableOptions, type Subscription } from './routing-table.ts';
