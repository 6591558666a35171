/**
 * The invocation comparison as text: one row per pattern and input, then
 * each contained failure once, with the typed error that contained it.
 */
import { type Palette, renderTable } from '@plugin-patterns/cli';
import type { InvocationRow } from './tour-result.ts';

export function renderInvocationTable(
  rows: readonly InvocationRow[],
  options: { palette: Palette; maxWidth?: number | undefined },
): string {
  const c = options.palette;
  const table = renderTable(
    [
      { header: 'PATTERN' },
      { header: 'CALLS', align: 'right' },
      { header: 'RESULTS' },
      { header: 'FAILURES CONTAINED' },
      { header: 'INPUT' },
    ],
    rows.map((r) => [r.pattern, String(r.calls), r.results, failureCell(r, c), r.input]),
    { title: 'Invocation: driver, dispatcher, iterator on the same pollsters', ...options },
  );
  const seen = new Set<string>();
  const details: string[] = [];
  for (const failure of rows.flatMap((r) => r.failures)) {
    const line = `  ${c.bold(failure.plugin)}: ${failure.error}: ${failure.message}`;
    if (!seen.has(line)) details.push(line);
    seen.add(line);
  }
  return `${table}${details.join('\n')}\n`;
}

function failureCell(row: InvocationRow, c: Palette): string {
  if (!row.contained) return c.red(`NOT contained: ${row.failures[0]?.message ?? ''}`);
  return row.failures.length === 0 ? '—' : row.failures.map((f) => c.red(f.plugin)).join(', ');
}
