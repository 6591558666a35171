/**
 * The terminal report: one table per benchmark, a row per figure with its
 * baseline, ratio, target and verdict, and under the table one line per
 * missed target saying by how much and why.
 */
import { describeMiss, ROW_HEADER, rowCells } from './format.ts';
import type { BenchmarkResult } from './results.ts';

export function printTable(result: BenchmarkResult, write: (line: string) => void): void {
  const lines = result.rows.map(rowCells);
  const widths = ROW_HEADER.map((h, i) =>
    Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  write('');
  write(`${result.title}  (${result.seconds.toFixed(1)} s)`);
  write(render(ROW_HEADER));
  write(render(widths.map((w) => '-'.repeat(w))));
  for (const line of lines) write(render(line));
  for (const row of result.rows) {
    const detail = row.detail === undefined ? '' : `; ${row.detail}`;
    write(
      `  · ${row.label}: against ${row.baseline.label}; ${row.aggregate} of ${row.samples}${detail}`,
    );
  }
  for (const row of result.rows.filter((r) => r.verdict === 'missed')) {
    write(`  MISSED ${describeMiss(row)}`);
    if (row.cause !== undefined) write(`    cause: ${row.cause}`);
  }
}
