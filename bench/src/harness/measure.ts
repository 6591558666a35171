/**
 * The timing harness: a baseline and a candidate measured in the same run,
 * in interleaved rounds. Each round times one batch of the baseline and one
 * batch of the candidate, back to back, swapping which goes first every
 * round; the figure is the median over rounds, and the ratio is the median of
 * the per-round ratios. Anything that drifts during a run (another process
 * taking a core, the CPU changing clock, the heap growing) hits both sides of
 * a round alike and cancels out of its ratio, which a "run A for a while, then
 * B" harness cannot do on a shared two-core machine.
 *
 * A batch is a function that runs its own loop `iterations` times and returns
 * something derived from every result. The loop lives in the benchmark's file,
 * not here, so each call site sees one function only (a shared loop would see
 * both sides and become polymorphic, slowing whichever ran second); the
 * returned value goes into a sink, so the optimiser cannot drop the work.
 */
import type { Measured } from '../benchmark.ts';
import { median } from './stats.ts';

/** Runs the operation `iterations` times and returns a value that depends on every result. */
export type Batch = (iterations: number) => number;
export type AsyncBatch = (iterations: number) => Promise<number>;

export interface Comparison {
  /** Median time of one baseline operation, in nanoseconds. */
  readonly baselineNs: number;
  /** Median time of one candidate operation, in nanoseconds. */
  readonly candidateNs: number;
  /** Median over rounds of candidate time / baseline time (same round). */
  readonly ratio: number;
  readonly rounds: number;
  readonly iterations: number;
}

export interface CompareOptions {
  /** Timed rounds (each times both sides once). */
  readonly rounds: number;
  /** How long one batch of the slower side should take, so timer resolution does not matter. */
  readonly batchMs: number;
  /** Fixed operations per batch instead of calibrating (for operations that take milliseconds). */
  readonly iterations?: number;
}

/**
 * The settings of every benchmark of a call (nanoseconds an operation): 301
 * rounds of 1 ms batches, or a handful of short ones in a `--quick` smoke run.
 */
export function callRounds(quick: boolean): CompareOptions {
  return { rounds: quick ? 3 : 301, batchMs: quick ? 0.5 : 1 };
}

/**
 * The processes each benchmark of a call runs in: its speed is partly
 * settled by V8 once per process, so one process is one draw
 * (across-processes.ts takes the median of these). The docs page's legend
 * says it; bench/README.md gives it in words: change that with it.
 */
export const CALL_PROCESSES = 5;

/** A comparison as a report row: the candidate's time per operation, beside the baseline's. */
export function rowOf(result: Comparison): Measured {
  return {
    value: result.candidateNs,
    baseline: result.baselineNs,
    ratio: result.ratio,
    samples: result.rounds,
  };
}

/** Whatever the batches return ends up here, where the optimiser cannot prove it unused. */
export const sink: { value: number } = { value: 0 };

export function compare(baseline: Batch, candidate: Batch, options: CompareOptions): Comparison {
  const iterations = options.iterations ?? calibrate(baseline, candidate, options.batchMs);
  // Untimed warm-up: both sides reach their optimised code before the first round counts.
  time(baseline, iterations);
  time(candidate, iterations);
  const base: number[] = [];
  const cand: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    let b: number;
    let c: number;
    if (round % 2 === 0) {
      b = time(baseline, iterations);
      c = time(candidate, iterations);
    } else {
      c = time(candidate, iterations);
      b = time(baseline, iterations);
    }
    base.push(b / iterations);
    cand.push(c / iterations);
    ratios.push(c / b);
  }
  return summarise(base, cand, ratios, iterations);
}

/** The same as `compare`, for operations that must be awaited. */
export async function compareAsync(
  baseline: AsyncBatch,
  candidate: AsyncBatch,
  options: CompareOptions,
): Promise<Comparison> {
  const iterations =
    options.iterations ?? (await calibrateAsync(baseline, candidate, options.batchMs));
  await timeAsync(baseline, iterations);
  await timeAsync(candidate, iterations);
  const base: number[] = [];
  const cand: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    let b: number;
    let c: number;
    if (round % 2 === 0) {
      b = await timeAsync(baseline, iterations);
      c = await timeAsync(candidate, iterations);
    } else {
      c = await timeAsync(candidate, iterations);
      b = await timeAsync(baseline, iterations);
    }
    base.push(b / iterations);
    cand.push(c / iterations);
    ratios.push(c / b);
  }
  return summarise(base, cand, ratios, iterations);
}

/** Grows the batch until the slower side fills the wanted time. */
function calibrate(baseline: Batch, candidate: Batch, batchMs: number): number {
  let iterations = 1;
  for (;;) {
    const slower = Math.max(time(baseline, iterations), time(candidate, iterations));
    if (slower >= batchMs * 1e6 || iterations >= 1 << 26) return iterations;
    iterations *= slower === 0 ? 16 : Math.min(16, Math.ceil((batchMs * 1e6) / slower));
  }
}

async function calibrateAsync(
  baseline: AsyncBatch,
  candidate: AsyncBatch,
  batchMs: number,
): Promise<number> {
  let iterations = 1;
  for (;;) {
    const slower = Math.max(
      await timeAsync(baseline, iterations),
      await timeAsync(candidate, iterations),
    );
    if (slower >= batchMs * 1e6 || iterations >= 1 << 26) return iterations;
    iterations *= slower === 0 ? 16 : Math.min(16, Math.ceil((batchMs * 1e6) / slower));
  }
}

/** Nanoseconds taken by one batch. */
function time(batch: Batch, iterations: number): number {
  const started = process.hrtime.bigint();
  sink.value ^= batch(iterations);
  return Number(process.hrtime.bigint() - started);
}

async function timeAsync(batch: AsyncBatch, iterations: number): Promise<number> {
  const started = process.hrtime.bigint();
  sink.value ^= await batch(iterations);
  return Number(process.hrtime.bigint() - started);
}

function summarise(
  base: number[],
  cand: number[],
  ratios: number[],
  iterations: number,
): Comparison {
  return {
    baselineNs: median(base),
    candidateNs: median(cand),
    ratio: median(ratios),
    rounds: ratios.length,
    iterations,
  };
}
