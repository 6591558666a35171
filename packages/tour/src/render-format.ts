/**
 * Small formatting rules shared by the tour's renderers, so numbers and
 * lists read the same in every table.
 */

/** Integers as they are; other numbers with at most two decimals. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 100) / 100);
}

/** A duration for a table: milliseconds with two decimals below 10, whole above. */
export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`;
}

/** A list of names, or a dash for none. */
export function names(list: readonly string[]): string {
  return list.length === 0 ? '—' : list.join(', ');
}

/** A section heading: a numbered step, underlined so it stands out without colour. */
export function heading(text: string, bold: (text: string) => string): string {
  return `${bold(text)}\n${'='.repeat(text.length)}\n`;
}

/** The line under a heading that says which section of the essay it shows, and where to read more. */
export function seeAlso(
  essay: string,
  pages: readonly string[],
  c: { readonly dim: (text: string) => string },
): string {
  return `${c.dim(`Essay: ${essay}. Read: ${pages.join(', ')}`)}\n`;
}

/** The mark of a failure caused on purpose by the demo. */
export function deliberateMark(
  deliberate: boolean | undefined,
  c: { readonly dim: (text: string) => string },
): string {
  return deliberate === true ? ` ${c.dim('(deliberate)')}` : '';
}
