/**
 * Colour, only where a person reads it, unless asked otherwise. The rule, in
 * order: `--no-color` turns it off; `FORCE_COLOR` turns it on (off when it is
 * `0` or `false`), for a CI log or a pager that shows colour; a non-empty
 * `NO_COLOR` (https://no-color.org) turns it off; otherwise colour is on when
 * the stream is a terminal. Piped output gets plain text by default, so what
 * a script parses never holds escape codes.
 *
 * A palette is a set of functions; the plain palette returns its input, so
 * renderers call `c.green(text)` without asking whether colour is on. The
 * colours are Node's own `styleText`, told not to second-guess the decision
 * made here.
 */
import { styleText } from 'node:util';

export interface Palette {
  readonly enabled: boolean;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
}

export interface ColourContext {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--no-color` was given. */
  readonly noColorFlag?: boolean;
}

/** The rule, on its own so it can be tested and documented. */
export function shouldUseColour(context: ColourContext): boolean {
  if (context.noColorFlag === true) return false;
  const force = context.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  const noColour = context.env.NO_COLOR;
  return context.isTTY && (noColour === undefined || noColour === '');
}

export function createPalette(enabled: boolean): Palette {
  if (!enabled) return PLAIN;
  return {
    enabled: true,
    bold: style('bold'),
    dim: style('dim'),
    red: style('red'),
    green: style('green'),
    yellow: style('yellow'),
  };
}

/** Removes escape codes: tables measure what the eye sees, not what is sent. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Length as displayed (escape codes take no columns). */
export function visibleLength(text: string): number {
  return stripAnsi(text).length;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape codes is the point
const ANSI = /\u001b\[[0-9;]*m/g;

const identity = (text: string): string => text;

const PLAIN: Palette = {
  enabled: false,
  bold: identity,
  dim: identity,
  red: identity,
  green: identity,
  yellow: identity,
};

function style(format: 'bold' | 'dim' | 'red' | 'green' | 'yellow'): (text: string) => string {
  return (text) => (text === '' ? text : styleText(format, text, { validateStream: false }));
}
