export { checkOnce, type SelfDisabled } from './availability.ts';
export {
  continueAsync,
  isThenable,
  type Mode,
  type Outcome,
  type Plan,
  rejected,
  runSeries,
} from './engine.ts';
export {
  blame,
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
export { MapMode, type MapResult, mapSeries, type PluginCall } from './map.ts';
export {
  OrderCycleError,
  type OrderOptions,
  type OrderProblem,
  type OrderSpec,
  orderExtensions,
} from './ordering.ts';
export { runParallel } from './parallel.ts';
export { PipelineMode, type PipelineResult, type PipelineStep } from './pipeline.ts';
export {
  type CycleOptions,
  type Harvest,
  type PollsterLike,
  pollOnce,
  type SampleOf,
} from './poll-cycle.ts';
export {
  type CycleReport,
  Poller,
  type PollerOptions,
  type Scheduler,
  type Sink,
} from './poller.ts';
export { type SortOutcome, stableTopoSort } from './stable-topo-sort.ts';
export {
  type Compiler,
  codeGenerationAllowed,
  compileMap,
  MAX_UNROLLED,
  type MapRun,
  mapRunner,
  type UnrollOptions,
  unrolledMapSource,
} from './unrolled-map.ts';
