/**
 * The checks the values of a discovery cache file go through on load, besides
 * the scan's own (`checkDeclaration`): what a scan writes, and nothing else,
 * may come back.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import {
  escapeUnsafe,
  hasUnsafeCharacter,
  UNSAFE_AFTER_JSON_CHARACTERS,
} from '../../shared/unsafe-text.ts';
import {
  isPlainObject,
  namespaceProblem,
  packageNameProblem,
  pluginNameProblem,
  shorten,
} from '../declared-names.ts';
import type { FieldIssue } from '../entry-point-field.ts';
import type { WalkIssue } from '../package-walk.ts';

export function isAcceptedNamespace(value: unknown): value is string {
  return namespaceProblem(value) === undefined;
}

function isAcceptedName(value: unknown): value is string {
  return pluginNameProblem(value) === undefined;
}

/**
 * A refused part as a scan records it: a namespace and a name only when they
 * were accepted (the refusal was further in), and a message with no character
 * `shorten` escapes (a scan escapes every untrusted text it quotes, where it
 * writes the message), so that an edited cache cannot put a newline, an
 * escape sequence (ESC or the C1 CSI) or a bidi override where a manifest
 * could not.
 */
export function fieldIssueOf(value: unknown): FieldIssue | undefined {
  if (!isPlainObject(value) || typeof value.why !== 'string') return undefined;
  const { namespace, name, why } = value;
  if (!(namespace === undefined || isAcceptedNamespace(namespace))) return undefined;
  if (!(name === undefined || isAcceptedName(name))) return undefined;
  if (hasUnsafeCharacter(why)) return undefined;
  return Object.hasOwn(value, 'reference')
    ? { namespace, name, reference: value.reference, why }
    : { namespace, name, why };
}

/** A walk issue as a scan records it: both texts are printed, and a scan escapes both. */
export function isWalkIssue(value: unknown): value is WalkIssue {
  return (
    isPlainObject(value) &&
    typeof value.origin === 'string' &&
    typeof value.why === 'string' &&
    !hasUnsafeCharacter(value.origin) &&
    !hasUnsafeCharacter(value.why)
  );
}

export function isStringPair(value: unknown): value is [string, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string'
  );
}

export function isArrayOf<T>(value: unknown, check: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.every(check);
}

/** A version as a scan writes it: a plain version string, or one of its two stand-ins. */
// The stand-in holds the version as `shorten` wrote it: no C0 control, nothing it escapes.
const SCANNED_VERSION = new RegExp(
  '^(?:[0-9A-Za-z.+-]{1,256}|\\(no version\\)|' +
    `\\(invalid version [^\\u0000-\\u001f${UNSAFE_AFTER_JSON_CHARACTERS}]{1,100}\\))$`,
);

/**
 * Why a package row of a cache file is not one a scan writes, or undefined.
 * The cache is input like any manifest: its name and version are cleaned
 * again (they reach reports and terminals), and its folder, where plugins
 * will be imported from, must be one the scan could have found: inside the
 * host's node_modules, or the real folder a link in one of the folders the
 * scan watched (`holders`) leads to, as a workspace package is.
 */
export function packageRowProblem(
  name: string,
  version: string,
  root: string,
  modules: string,
  holders: readonly string[],
): string | undefined {
  const badName = packageNameProblem(name);
  if (badName !== undefined) return badName;
  if (!SCANNED_VERSION.test(version)) {
    return `the version of package "${name}" ("${shorten(version)}") is not one a scan writes`;
  }
  if (root.startsWith(modules) || isLinkedFrom(root, name, holders)) return undefined;
  return `the folder of package "${name}" (${escapeUnsafe(root)}) is not one the scan found`;
}

/** True when a link `<holder>/<name>` in a watched holder leads to `root`. */
function isLinkedFrom(root: string, name: string, holders: readonly string[]): boolean {
  const scope = name.includes('/') ? name.slice(0, name.indexOf('/')) : undefined;
  const base = name.slice(name.indexOf('/') + 1);
  for (const holder of holders) {
    const fits =
      scope === undefined
        ? basename(holder) === 'node_modules'
        : basename(holder) === scope && basename(dirname(holder)) === 'node_modules';
    if (!fits) continue;
    try {
      if (realpathSync.native(`${holder}${sep}${base}`) === root) return true;
    } catch {
      // not there: try the next holder
    }
  }
  return false;
}
