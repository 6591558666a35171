export { isThenable, settleWithin } from './call-timeout.ts';
export { type Mode, type Outcome, type Plan, runSeries } from './engine.ts';
export {
  checkEmpty,
  containFailure,
  EmptyNamespaceError,
  type EmptyPolicy,
  type ErrorPolicy,
  type RunPolicy,
} from './error-policy.ts';
export { FirstMode, type FirstResult } from './first.ts';
export { HookManager } from './hook-manager.ts';
export {
  type CallOptions,
  IteratorManager,
  type IteratorOptions,
  type ParallelOptions,
} from './iterator-manager.ts';
export { MapMode, type MapResult, type PluginCall } from './map.ts';
export {
  declaredOrder,
  OrderCycleError,
  type OrderOptions,
  type OrderProblem,
  type OrderSpec,
  orderExtensions,
} from './ordering.ts';
export { checkConcurrency, runParallel } from './parallel.ts';
export { PipelineMode, type PipelineResult, type PipelineStep } from './pipeline.ts';
export { type SortOutcome, stableTopoSort } from './stable-topo-sort.ts';
