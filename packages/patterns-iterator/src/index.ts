// @plugin-patterns/iterator: call every plugin of a namespace in turn.
//
//   IteratorManager, HookManager   the managers: map, first, pipeline, parallel
//   HookCaller                     the same over the setup registry's hooks
//   *Result, PluginCall, *Step     what a run takes and gives back
//   EmptyNamespaceError            when no plugin is there to call
//   OrderSpec, OrderCycleError     call order
//   Wrapper                        around-advice for every run
//   Poller                         pollsters on a schedule, into a sink
//
// The pieces the managers are built from are at '@plugin-patterns/iterator/parts';
// map compiled per plan, an opt-in, at '@plugin-patterns/iterator/compiled'.
export { EmptyNamespaceError } from './error-policy.ts';
export type { FirstResult } from './first.ts';
export { HookCaller } from './hook-caller.ts';
export { HookManager } from './hook-manager.ts';
export { IteratorManager, type IteratorOptions } from './iterator-manager.ts';
export type { MapResult, PluginCall } from './map.ts';
export { OrderCycleError, type OrderProblem, type OrderSpec } from './ordering.ts';
export type { PipelineResult, PipelineStep } from './pipeline.ts';
export { type CycleReport, Poller, type PollerOptions } from './poller.ts';
export type { CallOptions, ParallelOptions } from './run-options.ts';
export type { Sink } from './sink.ts';
export type { Wrapper } from './wrap.ts';
