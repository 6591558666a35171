/**
 * The invocation comparison as text: one row per pattern and input, then
 * each contained failure once, with the typed error that contained it.
 */
import { escapeText, type Palette, renderTable } from '@plugin-patterns/cli';
import { deliberateMark } from './render-format.ts';
import type { InvocationRow } from './tour-result.ts';

export function renderInvocationTable(
  rows: readonly InvocationRow[],
  options: { palette: Palette; maxWidth?: number | undefined; deliberate?: ReadonlySet<string> },
): string {
  const c = options.palette;
  const table = renderTable(
    [
      { header: 'PATTERN' },
      { header: 'CALLS', align: 'right' },
      { header: 'FAILED', align: 'right' },
      { header: 'RESULTS' },
      { header: 'INPUT' },
    ],
    rows.map((r) => [r.pattern, String(r.calls), failureCell(r, c), r.results, r.input]),
    {
      title: 'Invocation: driver, dispatcher, iterator on the same pollsters',
      palette: c,
      maxWidth: options.maxWidth,
    },
  );
  // Each failure once, below: the FAILED column counts them, every one contained.
  const seen = new Set<string>();
  const details: string[] = [];
  for (const failure of rows.flatMap((r) => r.failures)) {
    const mark = deliberateMark(options.deliberate?.has(failure.plugin), c);
    const line = `  ${c.bold(failure.plugin)}${mark}: ${failure.error}: ${escapeText(failure.message)}`;
    if (!seen.has(line)) details.push(line);
    seen.add(line);
  }
  return `${table}${details.join('\n')}\n`;
}

/** How many calls failed, all contained; a failure that escaped is what the tour exists to catch. */
function failureCell(row: InvocationRow, c: Palette): string {
  if (!row.contained) return c.red('NOT contained');
  return row.failures.length === 0 ? '—' : c.red(String(row.failures.length));
}
