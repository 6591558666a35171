/**
 * Plain-text tables, the one layout every command and every tour step uses.
 * Columns are as wide as their widest cell (measured without escape codes, so
 * coloured cells line up), separated by two spaces, with no trailing blanks.
 * Given a width (a terminal's), the last column wraps at word boundaries
 * instead of letting the terminal break lines mid-word; without one, every
 * row stays on one line, which is what a pipe or a test wants.
 */
import { createPalette, type Palette, visibleLength } from './colour.ts';

export interface Column {
  readonly header: string;
  /** Numbers read best right-aligned. Default `left`. */
  readonly align?: 'left' | 'right';
}

export interface TableOptions {
  /** Printed above the table, in bold when colour is on. */
  readonly title?: string;
  readonly palette?: Palette;
  /** Wrap the last column so that no line is longer than this. */
  readonly maxWidth?: number | undefined;
  /** Shown instead of an empty table. Default `(none)`. */
  readonly empty?: string;
}

const GAP = '  ';
/** Below this, wrapping the last column would be worse than letting it overflow. */
const MIN_LAST_COLUMN = 20;

/** Renders a table as lines joined by `\n`, ending with a newline. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const c = options.palette ?? createPalette(false);
  const lines: string[] = [];
  if (options.title !== undefined) lines.push(c.bold(options.title));
  if (rows.length === 0) {
    lines.push(`  ${c.dim(options.empty ?? '(none)')}`);
    return `${lines.join('\n')}\n`;
  }
  const headers = columns.map((column) => column.header);
  const widths = columns.map((_, i) =>
    Math.max(visibleLength(headers[i] ?? ''), ...rows.map((row) => visibleLength(row[i] ?? ''))),
  );
  const last = columns.length - 1;
  const lead = widths.slice(0, last).reduce((sum, w) => sum + w + GAP.length, 0);
  const room = options.maxWidth === undefined ? undefined : options.maxWidth - lead;
  const wrapAt = room !== undefined && room >= MIN_LAST_COLUMN ? room : undefined;

  lines.push(c.dim(formatRow(headers, columns, widths, wrapAt)[0] ?? ''));
  for (const row of rows) lines.push(...formatRow(row, columns, widths, wrapAt));
  return `${lines.join('\n')}\n`;
}

function formatRow(
  cells: readonly string[],
  columns: readonly Column[],
  widths: readonly number[],
  wrapAt: number | undefined,
): string[] {
  const last = columns.length - 1;
  const leading = columns
    .slice(0, last)
    .map((column, i) => pad(cells[i] ?? '', widths[i] ?? 0, column.align ?? 'left'));
  const lastCell = cells[last] ?? '';
  const lastColumn = columns[last];
  const pieces =
    wrapAt === undefined
      ? [lastColumn?.align === 'right' ? pad(lastCell, widths[last] ?? 0, 'right') : lastCell]
      : wrapWords(lastCell, wrapAt);
  const indent = ' '.repeat(leading.reduce((sum, cell) => sum + visibleLength(cell) + 2, 0));
  return pieces.map((piece, i) =>
    (i === 0 ? [...leading, piece].join(GAP) : indent + piece).trimEnd(),
  );
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Greedy word wrap; a word longer than the width gets a line of its own. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (visibleLength(line) + 1 + visibleLength(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}
