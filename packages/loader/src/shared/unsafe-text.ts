/**
 * The characters a terminal or a text view acts on instead of showing them,
 * as one rule for the whole loader: the reference parser refuses them, and
 * every discovery message escapes them where it is written (`escapeUnsafe`
 * here, `shorten` in discovery/declared-names.ts), so what a check of one
 * finds is exactly what the other escapes.
 */

/**
 * What `JSON.stringify` leaves as it is but a terminal or a text view acts
 * on: DEL and the C1 controls (U+009B is a one-character ESC [), the bidi
 * marks, overrides and isolates and the Arabic letter mark (which reorder
 * what follows them on screen), and the line and paragraph separators: the
 * set the CLI's `escapeText` escapes (a CLI test compares the two). As a
 * character-class body, so that other checks (the cache's) can use it too.
 */
export const UNSAFE_AFTER_JSON_CHARACTERS: string =
  '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029';
/** The C0 controls (which `JSON.stringify` escapes itself) and the rest. */
const UNSAFE_CHARACTERS = `\\u0000-\\u001f${UNSAFE_AFTER_JSON_CHARACTERS}`;
const UNSAFE = new RegExp(`[${UNSAFE_CHARACTERS}]`, 'g');
const HAS_UNSAFE = new RegExp(`[${UNSAFE_CHARACTERS}]`);

/** True when `text` holds a character of the rule: never in a reference, nor raw in a message. */
export function hasUnsafeCharacter(text: string): boolean {
  return HAS_UNSAFE.test(text);
}

/**
 * Untrusted text for a message, whole: every character of the rule becomes
 * `\uXXXX`, and the rest is left as it is (quotes and backslashes included),
 * so a path reads as the path and text that is already escaped is not
 * escaped twice. (The price: a name that holds the six characters `\u009b`
 * reads the same as one that held U+009B. The CLI's escapeText makes the same
 * trade.) For what a message quotes in full, such as a folder path or
 * a system error; `shorten` is for values, which it also cuts and quotes.
 */
export function escapeUnsafe(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, codePointEscape) : text;
}

/** `\uXXXX` for one character of the rule (each is a single UTF-16 unit). */
export function codePointEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * What the first character of the rule in `text` is, for a refusal's reason:
 * a control character (C0, DEL, C1), a line or paragraph separator, or an
 * invisible direction mark (the rest). Undefined when there is none.
 */
export function unsafeCharacterKind(text: string): string | undefined {
  const found = HAS_UNSAFE.exec(text)?.[0];
  if (found === undefined) return undefined;
  const code = found.charCodeAt(0);
  if (code <= 0x9f) return 'a control character';
  if (code === 0x2028 || code === 0x2029) return 'a line or paragraph separator';
  return 'an invisible direction mark';
}
