// @plugin-patterns/dispatch/parts: the pieces the dispatchers are built from,
// usable on their own: the routing table and its event-type patterns, how
// handlers are asked what they handle, and the parts of a dead letter and of
// a stream's tally.
export type { DeadLetterReason, NewDeadLetter } from '../dead-letters.ts';
export { DispatchTally } from '../event-outcome.ts';
export {
  type EventPattern,
  formatEventPattern,
  matchesEventPattern,
  type ParsedPattern,
  parseEventPattern,
} from '../event-pattern.ts';
export type { ReadSubscriptions } from '../inspect-handlers.ts';
export {
  RoutingTable,
  type RoutingTableOptions,
  type Subscription,
} from '../routing-table.ts';
