// @plugin-patterns/iterator/parts: the pieces the managers are built from, for
// a host that composes its own (its own plan, its own loop over the modes).
export { checkOnce, type SelfDisabled } from '../availability.ts';
export { callOne, callsTraced, waitFor } from '../call-one.ts';
export {
  checkEmpty,
  contain,
  type EmptyPolicy,
  type ErrorPolicy,
  type RunPolicy,
} from '../error-policy.ts';
export { runFirst } from '../first.ts';
export { runMap } from '../map.ts';
export { type OrderOptions, orderExtensions } from '../ordering.ts';
export type { Outcome } from '../outcome.ts';
export { checkConcurrency, runParallel } from '../parallel.ts';
export { runPipeline } from '../pipeline.ts';
export { type Plan, planOf } from '../plan.ts';
export {
  type CycleOptions,
  type Harvest,
  type PollsterLike,
  pollOnce,
  type SampleOf,
} from '../poll-cycle.ts';
export type { Scheduler } from '../poller.ts';
export { type SortOutcome, stableTopoSort } from '../stable-topo-sort.ts';
export { runWrapped, type WrappedRun } from '../wrap.ts';
