/**
 * One polling cycle, without the schedule: ask the plugins that were never
 * asked whether they can run here, call `poll()` on every enabled pollster,
 * and keep the samples of each answer that pass the check.
 *
 * The pollster boundary is where a sample stops being the plugin's object and
 * becomes the host's data. Each sample is read once into a copy, and the copy
 * is checked and kept (`readSample`): a getter that answers a finite volume
 * to this check and NaN to the storage driver's never reaches the driver.
 *
 * An answer that is not an array is that pollster's failure (a
 * PluginResultError from the loader's `checkResult`). Within an array, a bad
 * sample costs only itself: the others are kept, and the pollster is blamed
 * for the refused ones, by index, in one PluginResultError recorded on its
 * extension. The other pollsters' samples are never touched.
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

/** A sample read at the boundary: the copy to keep, or what is wrong with it. */
export type SampleRead<S> =
  | { readonly ok: true; readonly sample: S }
  | { readonly ok: false; readonly problems: readonly string[] };

export interface CycleOptions<S = unknown> {
  /** Per-pollster time limit for a promised answer. */
  readonly timeoutMs: number;
  /** 1: one pollster after another (map); more: that many at once (parallel). */
  readonly concurrency: number;
  /** Reads one sample into the copy that is kept (meter-contracts' `readSample`). */
  readonly readSample: (value: unknown) => SampleRead<S>;
  /** How a pollster is asked whether it can run here. Default: the loader's `selfCheck()`. */
  readonly selfCheck: EnablingPolicy | undefined;
}

/** What one cycle gathered. */
export interface Harvest<S> {
  readonly samples: S[];
  /** For each sample, the pollster that made it (blamed if the sink refuses it). */
  readonly from: Extension<unknown>[];
  /** Pollsters called this cycle. */
  readonly polled: number;
  /** Failures (throws, timeouts, wrong shapes, refused samples), in plan order; each names its pollster. */
  readonly failures: PluginError[];
  /** Pollsters that disabled themselves this cycle (reported once, never again). */
  readonly disabled: SelfDisabled[];
}

const poll = (pollster: PollsterLike): unknown => pollster.poll();

export async function pollOnce<P extends PollsterLike, S>(
  pollsters: IteratorManager<P>,
  options: CycleOptions<S>,
): Promise<Harvest<S>> {
  const disabled = await checkOnce(pollsters, options.selfCheck);
  const call = { method: 'poll', timeoutMs: options.timeoutMs } as const;
  const result =
    options.concurrency > 1
      ? await pollsters.parallel(poll, { ...call, concurrency: options.concurrency })
      : await pollsters.map(poll, call);

  const harvest: Harvest<S> = {
    samples: [],
    from: [],
    polled: result.values.length + result.failures.length,
    failures: [...result.failures],
    disabled,
  };
  result.values.forEach((value, i) => {
    const extension = result.from[i];
    if (extension === undefined) return;
    try {
      const answer = checkResult(extension, value, isArray, 'an array of samples', {
        method: 'poll',
      }) as unknown[];
      const refused = keepSamples(answer, extension, options.readSample, harvest);
      if (refused !== undefined) harvest.failures.push(refused);
    } catch (error) {
      harvest.failures.push(error instanceof PluginError ? error : unreadable(extension, error));
    }
  });
  const order = pollsters.names();
  harvest.failures.sort((a, b) => order.indexOf(a.plugin ?? '') - order.indexOf(b.plugin ?? ''));
  return harvest;
}

/**
 * Reads each sample of one answer into the harvest; the refused ones become
 * one failure for the pollster that made them (recorded on its extension,
 * which stays enabled: its next answer may be fine).
 */
function keepSamples<S>(
  answer: readonly unknown[],
  extension: Extension<unknown>,
  readSample: (value: unknown) => SampleRead<S>,
  harvest: Harvest<S>,
): PluginError | undefined {
  const refused: string[] = [];
  for (let i = 0; i < answer.length; i++) {
    let read: SampleRead<S>;
    try {
      read = readSample(answer[i]);
    } catch (thrown) {
      read = { ok: false, problems: [`reading it threw: ${describeThrown(thrown)}`] };
    }
    if (read.ok) {
      harvest.samples.push(read.sample);
      harvest.from.push(extension);
    } else {
      refused.push(`sample #${i}: ${read.problems.join('; ')}`);
    }
  }
  if (refused.length === 0) return undefined;
  const error = new PluginResultError(
    `refused ${refused.length} of the ${answer.length} samples from poll(): ${refused.join(' | ')}`,
    { namespace: extension.namespace, name: extension.name },
  );
  extension.fail(error);
  return error;
}

function isArray(value: unknown): true | string {
  return Array.isArray(value) ? true : 'it is not an array';
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

/** The default sample check: only that each sample is an object. */
export function objectSample(sample: unknown): readonly string[] {
  return typeof sample === 'object' && sample !== null && !Array.isArray(sample)
    ? []
    : ['must be an object'];
}

/**
 * The default way to read a sample: its own enumerable properties, each read
 * once, into a fresh frozen object, which `problems` then checks. A host with
 * a sample type of its own passes a `readSample` that copies exactly its
 * fields (meter-contracts' `readSample` does, for its Sample).
 */
export function copyThenCheck<S>(
  problems: (sample: unknown) => readonly string[],
): (value: unknown) => SampleRead<S> {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, problems: problems(value) };
    }
    const copy = Object.freeze({ ...value });
    const found = problems(copy);
    return found.length === 0 ? { ok: true, sample: copy as S } : { ok: false, problems: found };
  };
}
