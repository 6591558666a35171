/**
 * A run's options: what a host passes to one call (`map(call, { onError:
 * 'raise' })`) or to a manager as the defaults of every call, and how they
 * resolve, once per run, into the policy the loops read.
 */
import {
  checkTimeLimit,
  type CallOptions as GuardOptions,
} from '@plugin-patterns/loader/invocation';
import type { EmptyPolicy, ErrorPolicy, RunPolicy } from './error-policy.ts';

/** How one run treats failures, an empty namespace and slow plugins. */
export interface CallOptions {
  /** Default `collect`: a failure is recorded and the run goes on. `raise` throws it. */
  readonly onError?: ErrorPolicy;
  /** Default `empty`: no plugin gives the empty result. `error` throws EmptyNamespaceError. */
  readonly onEmpty?: EmptyPolicy;
  /** Per-call limit for plugins that answer with a promise. Default: none. */
  readonly timeoutMs?: number;
  /** The method called, named in error messages (`call to poll() failed`). */
  readonly method?: string;
}

export interface ParallelOptions extends CallOptions {
  /** At most this many calls in flight. Default Infinity (all at once). */
  readonly concurrency?: number;
}

/** The policy of a run: `base` with `options` over it. Throws RangeError for a time limit no timer keeps. */
export function resolvePolicy(base: RunPolicy, options: CallOptions): RunPolicy {
  const { timeoutMs, method } = options;
  if (timeoutMs !== undefined) checkTimeLimit('timeoutMs', timeoutMs);
  const guard: GuardOptions = {
    ...base.guard,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(method === undefined ? {} : { method }),
  };
  return {
    ...base,
    onError: options.onError ?? base.onError,
    onEmpty: options.onEmpty ?? base.onEmpty,
    guard,
  };
}
