/**
 * One polling cycle, without the schedule: ask the plugins that were never
 * asked whether they can run here, call `poll()` on every enabled pollster,
 * and keep the samples of each answer that has the right shape.
 *
 * A pollster's answer is checked before anything of it is kept: an answer
 * that is not an array of samples is that pollster's failure (a
 * PluginResultError from the loader's `checkResult`, recorded on its
 * extension), and all of its samples are dropped, so one bad sample cannot
 * half-write a batch; the other pollsters' samples are kept.
 */
import {
  type EnablingPolicy,
  type Extension,
  PluginError,
  PluginResultError,
} from '@plugin-patterns/loader';
import { checkResult, describeThrown } from '@plugin-patterns/loader/invocation';
import { checkOnce, type SelfDisabled } from './availability.ts';
import type { IteratorManager } from './iterator-manager.ts';

/** What the poller needs of a pollster. `checkAvailability` is read by the self-check. */
export interface PollsterLike {
  poll(): unknown;
}

/** The sample type a pollster produces, read off its `poll()`. */
export type SampleOf<P> = P extends { poll(): infer R }
  ? Awaited<R> extends readonly (infer S)[]
    ? S
    : unknown
  : unknown;

export interface CycleOptions {
  /** Per-pollster time limit for a promised answer. */
  readonly timeoutMs: number;
  /** 1: one pollster after another (map); more: that many at once (parallel). */
  readonly concurrency: number;
  /** Problems with one sample, empty when it is valid (meter-contracts' `sampleProblems`). */
  readonly sampleProblems: (sample: unknown) => readonly string[];
  /** How a pollster is asked whether it can run here. Default: the loader's `selfCheck()`. */
  readonly selfCheck: EnablingPolicy | undefined;
}

/** What one cycle gathered. */
export interface Harvest<S> {
  readonly samples: S[];
  /** Pollsters called this cycle. */
  readonly polled: number;
  /** Failures (throws, timeouts, wrong shapes), in plan order; each names its pollster. */
  readonly failures: PluginError[];
  /** Pollsters that disabled themselves this cycle (reported once, never again). */
  readonly disabled: SelfDisabled[];
}

const poll = (pollster: PollsterLike): unknown => pollster.poll();

export async function pollOnce<P extends PollsterLike, S>(
  pollsters: IteratorManager<P>,
  options: CycleOptions,
): Promise<Harvest<S>> {
  const disabled = await checkOnce(pollsters, options.selfCheck);
  const call = { method: 'poll', timeoutMs: options.timeoutMs } as const;
  const result =
    options.concurrency > 1
      ? await pollsters.parallel(poll, { ...call, concurrency: options.concurrency })
      : await pollsters.map(poll, call);

  const samples: S[] = [];
  const failures = [...result.failures];
  const isBatch = (value: unknown): true | string => batchProblem(value, options.sampleProblems);
  result.values.forEach((value, i) => {
    const extension = result.from[i];
    if (extension === undefined) return;
    try {
      const batch = checkResult(extension, value, isBatch, 'an array of samples', {
        method: 'poll',
      }) as S[];
      for (const sample of batch) samples.push(sample);
    } catch (error) {
      failures.push(error instanceof PluginError ? error : unreadable(extension, error));
    }
  });
  const order = pollsters.names();
  failures.sort((a, b) => order.indexOf(a.plugin ?? '') - order.indexOf(b.plugin ?? ''));
  return { samples, polled: result.values.length + result.failures.length, failures, disabled };
}

/**
 * An answer that throws when looked at (a revoked proxy, a getter that
 * throws): the shape check itself failed, and that is the pollster's fault.
 */
function unreadable(extension: Extension<unknown>, thrown: unknown): PluginError {
  const error = new PluginResultError(`its answer could not be read: ${describeThrown(thrown)}`, {
    namespace: extension.namespace,
    name: extension.name,
  });
  extension.fail(error);
  return error;
}

/** True for an array of valid samples; otherwise what is wrong (the first bad sample). */
function batchProblem(
  value: unknown,
  sampleProblems: (sample: unknown) => readonly string[],
): true | string {
  if (!Array.isArray(value)) return 'it is not an array';
  for (let i = 0; i < value.length; i++) {
    const problems = sampleProblems(value[i]);
    if (problems.length > 0) return `sample #${i}: ${problems.join('; ')}`;
  }
  return true;
}

/** The default sample check: only that each sample is an object. */
export function objectSample(sample: unknown): readonly string[] {
  return typeof sample === 'object' && sample !== null && !Array.isArray(sample)
    ? []
    : ['must be an object'];
}
