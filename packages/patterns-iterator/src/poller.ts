/**
 * The poller: ceilometer's central loop in miniature. Every `intervalMs` it
 * runs one cycle (self-checks, `poll()` on every enabled pollster, shape
 * checks) and writes the samples gathered to a sink, a storage driver's
 * `write` or anything with that method.
 *
 * Cycles never overlap: the next is scheduled when one ends, so a slow cycle
 * delays the next instead of piling up. Samples that the sink refused stay
 * pending and go with the next write, and `stop()` ends cleanly: it cancels
 * the next cycle, waits for the one in flight, and flushes what is pending,
 * so no sample already gathered is lost. The clock is injectable (a
 * `scheduler`, or the test runner's fake timers) so tests never wait.
 */
import type { EnablingPolicy, PluginError } from '@plugin-patterns/loader';
import { checkTimeLimit } from '@plugin-patterns/loader/invocation';
import type { SelfDisabled } from './availability.ts';
import type { IteratorManager } from './iterator-manager.ts';
import { checkConcurrency } from './parallel.ts';
import {
  type CycleOptions,
  objectSample,
  type PollsterLike,
  pollOnce,
  type SampleOf,
} from './poll-cycle.ts';

/** Where samples go: `write` may return a promise; a throw or rejection keeps the batch pending. */
export interface Sink<S> {
  write(samples: readonly S[]): unknown;
}

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
  /** Problems with one sample; pass meter-contracts' `sampleProblems`. Default: must be an object. */
  readonly sampleProblems?: (sample: unknown) => readonly string[];
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

export class Poller<P extends PollsterLike, S = SampleOf<P>> {
  readonly #pollsters: IteratorManager<P>;
  readonly #options: PollerOptions<S>;
  readonly #cycle: CycleOptions;
  readonly #scheduler: Scheduler;
  #pending: S[] = [];
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
    this.#pollsters = pollsters;
    this.#options = options;
    this.#scheduler = options.scheduler ?? GLOBAL_TIMERS;
    this.#cycle = {
      timeoutMs: options.timeoutMs ?? options.intervalMs,
      concurrency: checkConcurrency(options.concurrency ?? 1),
      sampleProblems: options.sampleProblems ?? objectSample,
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

  /** Samples gathered but not yet accepted by the sink. */
  get pending(): readonly S[] {
    return this.#pending;
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
    await this.#serial(() => this.#flush());
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
    for (const sample of harvest.samples) this.#pending.push(sample);
    let written = 0;
    let sinkError: unknown;
    try {
      written = await this.#flush();
    } catch (error) {
      sinkError = error;
    }
    const report: CycleReport = {
      cycle,
      polled: harvest.polled,
      samples: harvest.samples.length,
      written,
      pending: this.#pending.length,
      failures: harvest.failures,
      disabled: harvest.disabled,
      sinkError,
    };
    this.#options.onCycle?.(report);
    return report;
  }

  /** Writes everything pending as one batch; on failure the batch stays pending. */
  async #flush(): Promise<number> {
    const batch = this.#pending;
    if (batch.length === 0) return 0;
    this.#pending = [];
    try {
      await this.#options.sink.write(batch);
    } catch (error) {
      this.#pending = batch.concat(this.#pending);
      throw error;
    }
    return batch.length;
  }

  #serial<R>(work: () => Promise<R>): Promise<R> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
