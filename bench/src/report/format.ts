/**
 * Number formatting shared by the terminal tables and the docs page, so both
 * show the same columns and the same digits: three significant figures or so,
 * which is all a median on a shared machine can vouch for.
 */
import type { RowResult } from './results.ts';
import { overBy } from './results.ts';

export function formatNumber(n: number): string {
  if (n === 0) return '0';
  const magnitude = Math.abs(n);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatValue(n: number, unit: string): string {
  return `${formatNumber(n)} ${unit}`;
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

/** The columns of a figure's row, in the terminal and on the docs page. */
export const ROW_HEADER: readonly string[] = [
  'figure',
  'value',
  'baseline',
  'ratio',
  'target',
  'verdict',
];

/** One row's cells, under ROW_HEADER. */
export function rowCells(row: RowResult): string[] {
  return [
    row.label,
    formatValue(row.value, row.unit),
    formatValue(row.baseline.value, row.unit),
    formatRatio(row.ratio),
    row.target?.text ?? '—',
    formatVerdict(row),
  ];
}

/** `met`, `MISSED (3.01x over)`, or `—` for a context row. */
export function formatVerdict(row: RowResult): string {
  if (row.verdict === 'met') return 'met';
  if (row.verdict === 'context') return '— (context)';
  const over = overBy(row);
  return over === undefined || !Number.isFinite(over)
    ? 'MISSED'
    : `MISSED (${over.toFixed(2)}x over)`;
}

/** One sentence for a missed row: what was measured against what was wanted. */
export function describeMiss(row: RowResult): string {
  const target = row.target?.text ?? '';
  const measured =
    row.target?.on === 'ratio'
      ? `${formatRatio(row.ratio)} the baseline (${formatValue(row.value, row.unit)} against ${formatValue(row.baseline.value, row.unit)})`
      : `${formatValue(row.value, row.unit)}, ${formatRatio(row.ratio)} the baseline`;
  return `${row.label}: ${measured}; target ${target}.`;
}
