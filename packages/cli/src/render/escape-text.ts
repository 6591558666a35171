/**
 * The one escaping function for everything the CLI prints that it did not
 * write itself: paths, package names and versions, references, plugin names,
 * the messages of a plugin's errors. Any of them can come from a hostile
 * tree (a folder name in a pnpm store, a manifest, an Error a plugin threw),
 * and a terminal acts on some characters instead of showing them:
 *
 * - C0 controls and DEL: ESC starts a sequence that can clear the screen,
 *   move the cursor or retitle the window; a newline forges a line of output;
 * - C1 controls (U+0080 to U+009F): U+009B is a one-character ESC [;
 * - bidirectional overrides and isolates (U+202A to U+202E, U+2066 to
 *   U+2069) and the direction marks: they reorder what is shown, so the text
 *   read is not the text sent;
 * - the Unicode line and paragraph separators.
 *
 * Each becomes `\uXXXX`: visible, so the reader sees that something was
 * there, and in JSON a valid escape that a parser turns back into the
 * original text (`printJson` passes its output through here, line by line).
 */

const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeText(text: string): string {
  return text.replace(UNSAFE, hex);
}

function hex(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
