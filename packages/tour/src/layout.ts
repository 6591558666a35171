/**
 * How wide the tour may print, and what happens to a line that does not fit.
 * The tour is read in terminals of every size and pasted into issues, so it
 * fits a width: the terminal's, or 100 columns in a pipe. By default a line
 * too long is cut, and ends with `…`, so each fact stays on one line; with
 * `verbose` it is wrapped instead, so nothing is lost (`--json` has it all
 * too, as data).
 */
import { createPalette, type Palette, visibleLength } from '@plugin-patterns/cli';

/** The width when the output is not a terminal (a pipe, a file, a test). */
export const DEFAULT_WIDTH = 100;

export interface Layout {
  readonly palette: Palette;
  readonly width: number;
  /** Wrap long lines instead of cutting them. */
  readonly verbose: boolean;
}

export interface LayoutOptions {
  readonly palette?: Palette | undefined;
  readonly maxWidth?: number | undefined;
  readonly verbose?: boolean | undefined;
}

export function layoutOf(options: LayoutOptions = {}): Layout {
  return {
    palette: options.palette ?? createPalette(false),
    width: Math.max(40, options.maxWidth ?? DEFAULT_WIDTH),
    verbose: options.verbose ?? false,
  };
}

/** Fits every line of `text` to the layout's width: cut, or wrapped when verbose. */
export function fitText(text: string, layout: Layout): string {
  return text
    .split('\n')
    .flatMap((line) =>
      layout.verbose ? wrapLine(line, layout.width) : [cutLine(line, layout.width)],
    )
    .join('\n');
}

/** The line, or its first `width - 1` visible characters and `…`. Escape codes take no room. */
export function cutLine(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  let out = '';
  let seen = 0;
  let coloured = false;
  for (let i = 0; i < line.length && seen < width - 1; ) {
    const code = ESCAPE.exec(line.slice(i));
    if (code !== null) {
      out += code[0];
      coloured = true;
      i += code[0].length;
      continue;
    }
    out += line[i];
    seen += 1;
    i += 1;
  }
  // A cut can fall inside a coloured run: reset, so the colour does not leak into the next line.
  return `${out.trimEnd()}…${coloured ? '\u001b[0m' : ''}`;
}

/**
 * The line wrapped at spaces; each continuation is indented two columns past
 * the line's own indent, so it reads as part of the same item.
 */
export function wrapLine(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const ownIndent = line.length - line.trimStart().length;
  const hanging = ' '.repeat(ownIndent + 2);
  const lines: string[] = [];
  let current = line.slice(0, ownIndent);
  let empty = true;
  for (const word of line.trimStart().split(' ')) {
    if (!empty && visibleLength(current) + 1 + visibleLength(word) > width) {
      lines.push(current);
      current = hanging + word;
    } else {
      current = empty ? current + word : `${current} ${word}`;
    }
    empty = false;
  }
  lines.push(current);
  return lines;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape codes is the point
const ESCAPE = /^\u001b\[[0-9;]*m/;
