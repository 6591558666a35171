/**
 * The names a declaration may use, checked the same way by every discovery
 * source. A plugin's namespace and name end up in reports, in error messages,
 * in configuration files and as keys of maps, so they are held to a small,
 * printable alphabet and a length limit. Anything else is refused with a
 * reason, before it can reach a map as `__proto__` or a terminal as an escape
 * sequence.
 */
import { EXPORT_NAME } from '../shared/reference.ts';
import { typeName } from '../shared/type-name.ts';
import { codePointEscape, UNSAFE_AFTER_JSON_CHARACTERS } from '../shared/unsafe-text.ts';

/** Longest namespace or plugin name accepted. */
export const MAX_NAME_LENGTH = 200;

/** Keys that mean something to JavaScript objects: never a namespace or plugin name. */
function isReserved(text: string): boolean {
  // Three comparisons: cheaper than hashing a fresh string for a Set, on every name of a scan.
  return text === '__proto__' || text === 'constructor' || text === 'prototype';
}
/** `defineNamespace` checks names with `namespaceProblem` too, so a declared namespace can always be defined. */
const NAMESPACE = /^[a-z0-9][a-z0-9._-]*$/i;
const usesNamespaceAlphabet = (text: string): boolean => NAMESPACE.test(text);
/** npm's rule, minus the legacy upper case it still tolerates in old names. */
const PACKAGE_NAME = /^(?:@[a-z0-9~][a-z0-9._~-]*\/)?[a-z0-9~][a-z0-9._~-]*$/i;
const MAX_PACKAGE_NAME_LENGTH = 214;

/** Why `text` cannot be a namespace, or undefined when it can. */
export function namespaceProblem(text: unknown): string | undefined {
  return nameProblem(text, usesNamespaceAlphabet, 'namespace', 'letters, digits, ".", "_" and "-"');
}

/**
 * Why `text` cannot be a plugin name, or undefined when it can. A name that
 * passes costs one loop; only a refused one goes through each check in turn,
 * for its message.
 */
export function pluginNameProblem(text: unknown): string | undefined {
  if (typeof text === 'string' && isPlainPluginName(text)) return undefined;
  // Past nameProblem's length and reserved checks, isPlainPluginName is the alphabet check.
  return nameProblem(
    text,
    isPlainPluginName,
    'plugin name',
    'letters, digits, ".", "_", "+" and "-"',
  );
}

/**
 * True when `pluginNameProblem(name)` finds no problem, in one pass: 1 to
 * MAX_NAME_LENGTH characters, ASCII letters and digits, then also `.`, `_`,
 * `+` (for dialect-style names such as `postgresql+pool`) and `-`, and not a
 * key that means something to objects (`__proto__` cannot pass anyway). A
 * warm start checks every cached plugin name again, thousands of them, and
 * this loop costs several times less than a regular expression (in CPU
 * profiles the expression was about a sixth of a warm start at 5,000 packages).
 */
export function isPlainPluginName(name: string): boolean {
  const length = name.length;
  if (length === 0 || length > MAX_NAME_LENGTH) return false;
  for (let i = 0; i < length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) continue;
    // `.` `_` `+` `-`, never first
    if (i > 0 && (c === 0x2e || c === 0x5f || c === 0x2b || c === 0x2d)) continue;
    return false;
  }
  return name !== 'constructor' && name !== 'prototype';
}

/** Why `text` cannot be an npm package name (a key of `dependencies`), or undefined. */
export function packageNameProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return `a package name must be a string, not ${typeName(text)}`;
  if (text.length > MAX_PACKAGE_NAME_LENGTH) {
    return `package name "${shorten(text)}" is longer than ${MAX_PACKAGE_NAME_LENGTH} characters`;
  }
  if (!PACKAGE_NAME.test(text)) return `"${shorten(text)}" is not a valid package name`;
  return undefined;
}

/** Why `text` cannot name an export of a module, or undefined. */
export function exportNameProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return `an export name must be a string, not ${typeName(text)}`;
  if (!EXPORT_NAME.test(text) || isReserved(text)) {
    return `"${shorten(text)}" is not a valid export name`;
  }
  return undefined;
}

/**
 * True for what `JSON.parse` makes of `{...}`: not null, not an array, and
 * with no prototype but Object's (or none), so no getter or class can hide in it.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// The character rule is shared/unsafe-text.ts's: the reference parser refuses the same characters.
const UNSAFE_AFTER_JSON = new RegExp(`[${UNSAFE_AFTER_JSON_CHARACTERS}]`, 'g');

/** Cuts long or hostile text down for a message, and makes control characters visible. */
export function shorten(text: string, limit = 60): string {
  const visible = JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…` : text);
  return visible.slice(1, -1).replace(UNSAFE_AFTER_JSON, codePointEscape);
}

/** The checks in the order their messages are given; `usesAlphabet` is asked last. */
function nameProblem(
  text: unknown,
  usesAlphabet: (text: string) => boolean,
  what: string,
  allowed: string,
): string | undefined {
  if (typeof text !== 'string') return `a ${what} must be a string, not ${typeName(text)}`;
  if (text.length === 0) return `the ${what} is empty`;
  if (text.length > MAX_NAME_LENGTH) {
    return `${what} "${shorten(text)}" is longer than ${MAX_NAME_LENGTH} characters`;
  }
  if (isReserved(text)) return `"${text}" is reserved and cannot be a ${what}`;
  if (!usesAlphabet(text)) {
    return `${what} "${shorten(text)}" may only use ${allowed}, starting with a letter or digit`;
  }
  return undefined;
}
