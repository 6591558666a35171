/**
 * What a benchmark is, for the runner and the report: a file that declares
 * its rows up front (what is measured, against which baseline, with which
 * target) and a `run` that measures them. Declaring the rows before measuring
 * lets the smoke test check that a run produced every figure, and lets the
 * report say which target a row was held to without reading the code.
 *
 * Every row is a comparison: a figure, the baseline it is measured against in
 * the same run, and their ratio (figure ÷ baseline). A target bounds either the
 * figure itself (`≤25 µs/package`) or the ratio (`≤1.1x`).
 */
import type { Installs } from './fixtures/installs.ts';

/** A bound on a row: on its figure, or on its ratio to the baseline. */
export interface Target {
  readonly on: 'value' | 'ratio';
  /** The row meets the target when the bounded number is at most this. */
  readonly max: number;
  /** As printed: `≤25 µs/package`, `≤1.1x`. */
  readonly text: string;
  /** Where the target comes from, when it is not the project's stated one. */
  readonly note?: string;
}

export interface RowSpec {
  readonly id: string;
  /** What the figure is, e.g. `package scan, 1,000 packages`. */
  readonly label: string;
  readonly unit: string;
  /** What the baseline is, e.g. `readdir + readFileSync + JSON.parse`. */
  readonly baseline: string;
  /** Undefined for a row that gives context to another (shown, never failed). */
  readonly target: Target | undefined;
  /** The cause found for a miss, shown only when the row misses its target. */
  readonly ifMissed?: string;
}

/** One row's numbers, as measured. */
export interface Measured {
  readonly value: number;
  readonly baseline: number;
  readonly ratio: number;
  /** How many timed rounds (or child processes) the medians are taken over. */
  readonly samples: number;
  /** How the samples make the figure: the median (default), or the largest for a count that must stay 0. */
  readonly aggregate?: 'median' | 'max';
  /** Anything a reader needs to interpret the row (the sizes a quick run used, say). */
  readonly detail?: string;
}

export interface RunContext {
  readonly quick: boolean;
  readonly installs: Installs;
  /** Progress, for the terminal only. */
  readonly log: (line: string) => void;
}

export interface Benchmark {
  readonly id: string;
  readonly title: string;
  /** One paragraph: the question the benchmark answers and how it measures it. */
  readonly about: string;
  /** Source file, relative to the repository root (linked from the report). */
  readonly file: string;
  readonly rows: readonly RowSpec[];
  /**
   * How many fresh processes run it (default one); each row is then the
   * process with the median ratio (harness/across-processes.ts). For the
   * benchmarks of a call, whose speed V8 settles anew in each process.
   */
  readonly processes?: number;
  run(context: RunContext): Promise<Readonly<Record<string, Measured>>>;
}
