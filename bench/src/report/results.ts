/**
 * The results file, bench/results/latest.json: every row of every benchmark
 * with its figure, its baseline, their ratio, the target and the verdict, and
 * the machine it was measured on. The docs page is generated from this file
 * alone, so the page can be regenerated without measuring again.
 */
import type { Benchmark, Measured, RowSpec, Target } from '../benchmark.ts';
import type { Machine } from './machine.ts';

export const RESULTS_SCHEMA = 1;

/** `met` or `missed` a target; `context` for a row that has none (it explains another). */
export type Verdict = 'met' | 'missed' | 'context';

export interface RowResult {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly value: number;
  readonly baseline: { readonly label: string; readonly value: number; readonly unit: string };
  /** value ÷ baseline, as a median of per-round ratios where rounds were interleaved. */
  readonly ratio: number;
  readonly target: Target | null;
  readonly verdict: Verdict;
  /** Rounds or child processes the figure is taken over. */
  readonly samples: number;
  /** How the samples make the figure. */
  readonly aggregate: 'median' | 'max';
  readonly detail?: string;
  /** The cause found for the miss (present only when the row missed). */
  readonly cause?: string;
}

export interface BenchmarkResult {
  readonly id: string;
  readonly title: string;
  readonly about: string;
  readonly file: string;
  readonly seconds: number;
  readonly rows: readonly RowResult[];
}

export interface ResultsFile {
  readonly schema: typeof RESULTS_SCHEMA;
  /** True for a `--quick` smoke run: tiny counts, figures not meaningful. */
  readonly quick: boolean;
  readonly startedAt: string;
  readonly seconds: number;
  readonly machine: Machine;
  readonly benchmarks: readonly BenchmarkResult[];
}

/** Joins a benchmark's declared rows with what its run measured. */
export function rowResults(
  benchmark: Benchmark,
  measured: Readonly<Record<string, Measured>>,
): RowResult[] {
  return benchmark.rows.map((spec) => {
    const m = measured[spec.id];
    if (m === undefined) throw new Error(`${benchmark.id} did not measure ${spec.id}`);
    for (const [what, n] of [
      ['value', m.value],
      ['baseline', m.baseline],
      ['ratio', m.ratio],
    ] as const) {
      if (!Number.isFinite(n)) throw new Error(`${benchmark.id}/${spec.id}: ${what} is ${n}`);
    }
    const verdict = verdictOf(spec, m);
    return {
      id: spec.id,
      label: spec.label,
      unit: spec.unit,
      value: m.value,
      baseline: { label: spec.baseline, value: m.baseline, unit: spec.unit },
      ratio: m.ratio,
      target: spec.target ?? null,
      verdict,
      samples: m.samples,
      aggregate: m.aggregate ?? 'median',
      ...(m.detail === undefined ? {} : { detail: m.detail }),
      ...(verdict === 'missed' && spec.ifMissed !== undefined ? { cause: spec.ifMissed } : {}),
    };
  });
}

export function verdictOf(spec: RowSpec, measured: Measured): Verdict {
  const target = spec.target;
  if (target === undefined) return 'context';
  const bounded = target.on === 'value' ? measured.value : measured.ratio;
  return bounded <= target.max ? 'met' : 'missed';
}

/** How far over its target a missed row is: 3.0 means three times the bound. */
export function overBy(row: RowResult): number | undefined {
  if (row.target === null || row.verdict !== 'missed') return undefined;
  const bounded = row.target.on === 'value' ? row.value : row.ratio;
  return row.target.max === 0 ? Number.POSITIVE_INFINITY : bounded / row.target.max;
}
