/**
 * Colour, only where a person reads it: stdout must be a terminal and
 * `NO_COLOR` (https://no-color.org) must be unset or empty. Piped output,
 * files and CI logs get plain text, so what a script parses never holds
 * escape codes.
 *
 * A palette is a set of functions; the plain palette returns its input, so
 * renderers call `c.green(text)` without asking whether colour is on.
 */

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
}

/** The rule, on its own so it can be tested and documented. */
export function shouldUseColour(context: ColourContext): boolean {
  const noColour = context.env.NO_COLOR;
  return context.isTTY && (noColour === undefined || noColour === '');
}

export function createPalette(enabled: boolean): Palette {
  if (!enabled) return PLAIN;
  return {
    enabled: true,
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
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

function sgr(on: number, off: number): (text: string) => string {
  return (text) => (text === '' ? text : `\u001b[${on}m${text}\u001b[${off}m`);
}
