// @plugin-patterns/iterator: call every plugin of a namespace in turn.
// The pieces the managers are built from are at '@plugin-patterns/iterator/parts';
// map compiled per plan, an opt-in, at '@plugin-patterns/iterator/compiled'.

// When plugins fail, or none is there.
export { EmptyNamespaceError } from './error-policy.ts';
export type { FirstResult } from './first.ts';
export { HookManager } from './hook-manager.ts';
export { HookCaller } from './hook-caller.ts';
// The managers and their options.
export {
  type CallOptions,
  IteratorManager,
  type IteratorOptions,
  type ParallelOptions,
} from './iterator-manager.ts';
// What a run gives back, mode by mode.
export type { MapResult, PluginCall } from './map.ts';
// Call order.
export { OrderCycleError, type OrderProblem, type OrderSpec } from './ordering.ts';
export type { PipelineResult, PipelineStep } from './pipeline.ts';
// The scheduled poller.
export { type CycleReport, Poller, type PollerOptions, type Sink } from './poller.ts';
// Around-advice for every run.
export type { Wrapper } from './wrap.ts';
