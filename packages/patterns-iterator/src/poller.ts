/**
 * The poller: ceilometer's central loop in miniature. Every `intervalMs` it
 * runs one cycle (self-checks, `poll()` on every enabled pollster, shape
 * checks) and writes the samples gathered to a sink, a storage driver's
 * `write` or anything with that method.
 *
 * Cycles never overlap: the next is scheduled when one ends, so a slow cycle
 * delays the next instead of piling up. The clock is injectable (a
 * `scheduler`, or the test runner's fake timers) so tests never wait.
 *
 * What happens to a sample, once a pollster has answered:
 * - it is read once into a copy, and the copy is checked and kept
 *   (poll-cycle.ts): what the sink gets is what was checked;
 * - a write that fails as a whole (the store is down) keeps the batch
 *   pending, to go with the next write;
 * - a write that refuses some samples and stores the rest (an error with a
 *   `refused` list of indexes, as meter-contracts' InvalidSampleError has)
 *   counts the rest as written, drops the refused ones, and blames each on
 *   the pollster that made it (`refused` in the report): retrying a sample
 *   the sink refused would refuse it forever and hold up every later batch;
 * - pending is bounded: past `maxPending` samples (10,000 by default), the
 *   oldest are dropped and counted (`dropped`), so a store that stays down
 *   costs old samples, not the host's memory;
 * - `stop()` cancels the next cycle, waits for the one in flight and writes
 *   what is pending; if that write fails it rejects, and every sample stays
 *   in `pending`, for the host to read or for a later `stop()` to write.
 */
import type { EnablingPolicy, Extension, PluginError } from '@plugin-patterns/loader';
import { checkTimeLimit } from '@plugin-patterns/loader/invocation';
import type { SelfDisabled } from './availability.ts';
import type { IteratorManager } from './iterator-manager.ts';
import { checkConcurrency } from './parallel.ts';
import {
  type CycleOptions,
  copyThenCheck,
  objectSample,
  type PollsterLike,
  pollOnce,
  type SampleOf,
  type SampleRead,
} from './poll-cycle.ts';
import { blame, type PendingSample, refusedIndexes, type Sink } from './sink.ts';

/** The clock. Default: the global timers, read at each call (so fake timers work). */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What one cycle did: for progress displays, logs and tests. */
export interface CycleReport {
  readonly cycle: number;
  readonly polled: number;
  /** Samples gathered this cycle. */
  readonly samples: number;
  /** Samples the sink accepted this cycle (with any left over from before). */
  readonly written: number;
  /** Samples still waiting for the sink. */
  readonly pending: number;
  /** Pending samples dropped this cycle, oldest first, to stay within `maxPending`. */
  readonly dropped: number;
  /** Samples the sink refused this cycle, each blamed on the pollster that made it. */
  readonly refused: readonly PluginError[];
  readonly failures: readonly PluginError[];
  readonly disabled: readonly SelfDisabled[];
  /** What the sink threw, when it refused the batch. */
  readonly sinkError: unknown;
}

export interface PollerOptions<S> {
  readonly sink: Sink<S>;
  readonly intervalMs: number;
  /** Per-pollster limit for a promised answer. Default: `intervalMs`. */
  readonly timeoutMs?: number;
  /** Pollsters called at once. Default 1 (one after another, in plan order). */
  readonly concurrency?: number;
  /**
   * Reads one sample into the copy that is kept, or says what is wrong: pass
   * meter-contracts' `readSample`. Default: a copy of its own properties,
   * checked by `sampleProblems`.
   */
  readonly readSample?: (value: unknown) => SampleRead<S>;
  /** Problems with one sample, checked on the copy (when no `readSample`). Default: must be an object. */
  readonly sampleProblems?: (sample: unknown) => readonly string[];
  /** Most samples kept pending while the sink fails; the oldest go first. Default 10,000. */
  readonly maxPending?: number;
  /** How pollsters are asked whether they can run. Default: the loader's `selfCheck()`. */
  readonly selfCheck?: EnablingPolicy;
  /** Called after every cycle. A throw stops the poller; `stop()` rethrows it. */
  readonly onCycle?: (report: CycleReport) => void;
  readonly scheduler?: Scheduler;
}

const GLOBAL_TIMERS: Scheduler = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const DEFAULT_MAX_PENDING = 10_000;

export class Poller<P extends PollsterLike, S = SampleOf<P>> {
  readonly #pollsters: IteratorManager<P>;
  readonly #options: PollerOptions<S>;
  readonly #cycle: CycleOptions<S>;
  readonly #scheduler: Scheduler;
  readonly #maxPending: number;
  #pending: PendingSample<S>[] = [];
  #dropped = 0;
  #cycles = 0;
  #running = false;
  #timer: unknown;
  // Every cycle and flush runs after the previous one: the sink sees one write at a time.
  #queue: Promise<unknown> = Promise.resolve();
  #loopError: { readonly error: unknown } | undefined;

  constructor(pollsters: IteratorManager<P>, options: PollerOptions<S>) {
    checkTimeLimit('intervalMs', options.intervalMs);
    // Checked here, not at the first cycle: a bad limit should fail the host's setup, not a cycle.
    if (options.timeoutMs !== undefined) checkTimeLimit('timeoutMs', options.timeoutMs);
    const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    if (!Number.isSafeInteger(maxPending) || maxPending < 1) {
      throw new RangeError(`maxPending must be a positive whole number, not ${maxPending}`);
    }
    this.#maxPending = maxPending;
    this.#pollsters = pollsters;
    this.#options = options;
    this.#scheduler = options.scheduler ?? GLOBAL_TIMERS;
    this.#cycle = {
      timeoutMs: options.timeoutMs ?? options.intervalMs,
      concurrency: checkConcurrency(options.concurrency ?? 1),
      readSample: options.readSample ?? copyThenCheck<S>(options.sampleProblems ?? objectSample),
      selfCheck: options.selfCheck,
    };
  }

  get running(): boolean {
    return this.#running;
  }

  /** Cycles run so far. */
  get cycles(): number {
    return this.#cycles;
  }

  /** Samples gathered but not yet accepted by the sink, oldest first. */
  get pending(): readonly S[] {
    return this.#pending.map((p) => p.sample);
  }

  /** Pending samples dropped so far to stay within `maxPending`. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Runs a first cycle now, then one every `intervalMs` until `stop()`. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loopError = undefined;
    this.#tick();
  }

  /** Runs one cycle now (after any cycle in flight), whether or not the poller is started. */
  runCycle(): Promise<CycleReport> {
    return this.#serial(() => this.#runCycle());
  }

  /**
   * Cancels the next cycle, waits for the one in flight, then writes what is
   * pending. Rejects with the sink's error if that last write fails (the
   * samples stay in `pending`), or with what stopped the loop.
   */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer !== undefined) this.#scheduler.clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#serial(async () => {
      await this.#flush();
    });
    const stopped = this.#loopError;
    this.#loopError = undefined;
    if (stopped !== undefined) throw stopped.error;
  }

  #tick(): void {
    this.#timer = undefined;
    this.runCycle().then(
      () => {
        if (this.#running) {
          this.#timer = this.#scheduler.setTimeout(() => this.#tick(), this.#options.intervalMs);
        }
      },
      (error: unknown) => {
        this.#running = false;
        this.#loopError = { error };
      },
    );
  }

  async #runCycle(): Promise<CycleReport> {
    const cycle = ++this.#cycles;
    const harvest = await pollOnce<P, S>(this.#pollsters, this.#cycle);
    harvest.samples.forEach((sample, i) => {
      this.#pending.push({ sample, from: harvest.from[i] as Extension<unknown> });
    });
    const droppedBefore = this.#dropped;
    let flushed: Flushed = { written: 0, refused: [] };
    let sinkError: unknown;
    try {
      flushed = await this.#flush();
    } catch (error) {
      sinkError = error;
    }
    this.#bound();
    const report: CycleReport = {
      cycle,
      polled: harvest.polled,
      samples: harvest.samples.length,
      written: flushed.written,
      pending: this.#pending.length,
      dropped: this.#dropped - droppedBefore,
      refused: flushed.refused,
      failures: harvest.failures,
      disabled: harvest.disabled,
      sinkError,
    };
    this.#options.onCycle?.(report);
    return report;
  }

  /**
   * Writes everything pending as one batch. A write that fails as a whole
   * puts the batch back in front of what is pending and throws; one that
   * refused some samples (a `refused` list) stored the rest: the refused ones
   * are blamed on their pollsters and dropped.
   */
  async #flush(): Promise<Flushed> {
    const batch = this.#pending;
    if (batch.length === 0) return { written: 0, refused: [] };
    this.#pending = [];
    try {
      await this.#options.sink.write(batch.map((p) => p.sample));
    } catch (error) {
      const indexes = refusedIndexes(error, batch.length);
      if (indexes === undefined) {
        this.#pending = batch.concat(this.#pending);
        throw error;
      }
      const refused = [...indexes].map(([index, why]) =>
        blame(batch[index] as PendingSample<S>, why),
      );
      return { written: batch.length - indexes.size, refused };
    }
    return { written: batch.length, refused: [] };
  }

  /** Keeps at most `maxPending` samples: the oldest go first, and are counted. */
  #bound(): void {
    const excess = this.#pending.length - this.#maxPending;
    if (excess <= 0) return;
    this.#pending = this.#pending.slice(excess);
    this.#dropped += excess;
  }

  #serial<R>(work: () => Promise<R>): Promise<R> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

interface Flushed {
  readonly written: number;
  readonly refused: readonly PluginError[];
}
