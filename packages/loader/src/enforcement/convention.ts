/**
 * Enforcement by convention: duck typing, made explicit. A plugin is accepted
 * if it has the members the host will use, of the right kinds — whatever its
 * class, wherever it came from. This is how most JavaScript plugin systems
 * work; the check turns "undefined is not a function" at the first call into a
 * refusal at load time that lists every missing or wrong member at once.
 *
 * Choose it when plugins are written by anyone, in any style (object literal,
 * class, factory result), and the host's API is small. It checks shape, not
 * behaviour: a `write` that is a function may still be the wrong function.
 * That is what the call guard (`invocation/guard.ts`) is for.
 *
 *   convention<StorageDriver>({ name: 'StorageDriver',
 *     members: { write: 'function', query: 'function', close: 'function' } })
 *
 * A kind ending in `?` is optional (checked only when present); a nested
 * object of rules checks an object member (`options: { url: 'string' }`).
 */
import type { ContractIssue } from '../errors/kinds.ts';
import { describeThrown } from '../errors/plugin-error.ts';
import { describeValue } from '../shared/describe-value.ts';
import type { ContractResult, SyncContract } from './contract.ts';

export type MemberKind =
  | 'function'
  | 'string'
  | 'number'
  | 'boolean'
  | 'array'
  | 'object'
  | 'present';

/** A member's rule: a kind, an optional kind, or rules for the members of an object. */
export type MemberRule<V = unknown> = MemberKind | `${MemberKind}?` | NestedRules<V>;

/** Nested rules fit plain object members only, so a typo such as `'strng'` stays an error. */
type NestedRules<V> = unknown extends V
  ? MemberRules
  : V extends (...args: never[]) => unknown
    ? never
    : V extends object
      ? MemberRules<V>
      : never;

/** Rules keyed by member name; keys are checked against T when the host names it. */
export type MemberRules<T = unknown> = unknown extends T
  ? { readonly [member: string]: MemberRule }
  : { readonly [K in keyof T & string]?: MemberRule<NonNullable<T[K]>> };

export interface ConventionOptions<T> {
  /** Shown in errors, e.g. `StorageDriver`. Default `convention`. */
  readonly name?: string;
  readonly members: MemberRules<T>;
}

export function convention<T>(options: ConventionOptions<T>): SyncContract<T> {
  const rules = options.members as { readonly [member: string]: MemberRule };
  return {
    name: options.name ?? 'convention',
    check(value): ContractResult<T> {
      if (!isObjectLike(value)) {
        return {
          ok: false,
          issues: [{ path: '', message: `expected an object, got ${describeValue(value)}` }],
        };
      }
      const issues: ContractIssue[] = [];
      checkMembers(value, rules, '', issues);
      return issues.length === 0 ? { ok: true, value: value as T } : { ok: false, issues };
    },
  };
}

function checkMembers(
  object: object,
  rules: { readonly [member: string]: MemberRule },
  prefix: string,
  issues: ContractIssue[],
): void {
  for (const [key, rule] of Object.entries(rules)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    let member: unknown;
    try {
      // Not `hasOwn`: a class instance's methods live on its prototype.
      member = (object as Record<string, unknown>)[key];
    } catch (thrown) {
      issues.push({ path, message: `reading it threw: ${describeThrown(thrown)}` });
      continue;
    }
    if (typeof rule === 'object') {
      if (isObjectLike(member)) checkMembers(member, rule, path, issues);
      else issues.push({ path, message: expected('object', member) });
      continue;
    }
    const optional = rule.endsWith('?');
    const kind = (optional ? rule.slice(0, -1) : rule) as MemberKind;
    if (member === undefined && optional) continue;
    if (!matches(kind, member)) issues.push({ path, message: expected(kind, member) });
  }
}

function matches(kind: MemberKind, value: unknown): boolean {
  switch (kind) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'present':
      return value !== undefined && value !== null;
    default:
      return typeof value === kind;
  }
}

const ARTICLE: Record<MemberKind, string> = {
  function: 'a function',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  present: 'a value',
};

function expected(kind: MemberKind, got: unknown): string {
  return got === undefined
    ? `missing (expected ${ARTICLE[kind]})`
    : `expected ${ARTICLE[kind]}, got ${describeValue(got)}`;
}

function isObjectLike(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}
