/**
 * The checks the values of a discovery cache file go through on load, besides
 * the scan's own (`checkDeclaration`): what a scan writes, and nothing else,
 * may come back.
 */
import { hasControlCharacter } from '../../shared/reference.ts';
import { isPlainObject, namespaceProblem, pluginNameProblem } from '../declared-names.ts';
import type { FieldIssue } from '../entry-point-field.ts';
import type { WalkIssue } from '../installed-packages.ts';

export function isAcceptedNamespace(value: unknown): value is string {
  return namespaceProblem(value) === undefined;
}

function isAcceptedName(value: unknown): value is string {
  return pluginNameProblem(value) === undefined;
}

/**
 * A refused part as a scan records it: a namespace and a name only when they
 * were accepted (the refusal was further in), and a message with no C0 control
 * character (a scan shows every name it quotes escaped), so that an edited
 * cache cannot put a newline or an escape sequence where a manifest could not.
 */
export function fieldIssueOf(value: unknown): FieldIssue | undefined {
  if (!isPlainObject(value) || typeof value.why !== 'string') return undefined;
  const { namespace, name, why } = value;
  if (!(namespace === undefined || isAcceptedNamespace(namespace))) return undefined;
  if (!(name === undefined || isAcceptedName(name))) return undefined;
  if (hasControlCharacter(why)) return undefined;
  return Object.hasOwn(value, 'reference')
    ? { namespace, name, reference: value.reference, why }
    : { namespace, name, why };
}

export function isWalkIssue(value: unknown): value is WalkIssue {
  return isPlainObject(value) && typeof value.origin === 'string' && typeof value.why === 'string';
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
