/**
 * Enforcement by an abstract base class: the host publishes a class, and a
 * plugin is accepted only if it extends it and implements each abstract
 * member. Unlike a convention, this is a nominal check: a look-alike that does
 * not extend the base is refused, and the base can carry shared behaviour and
 * documentation that every plugin inherits.
 *
 * TypeScript's `abstract` leaves no trace at run time (an abstract method is
 * simply absent from the emitted class), so the abstract members are listed:
 * in the options, or as `static abstractMembers` on the base. A member counts
 * as implemented when the plugin's value differs from the base's own (a base
 * may define a throwing placeholder) and is a function where the base's was.
 *
 * Checks an instance by default, which is what the pipeline holds after
 * `construct()`. With `accept: 'subclass'` it checks the class itself, before
 * it is built; then only prototype methods count, not class fields.
 *
 * Class identity is per copy (a bundled copy, two installed versions): a
 * base class may carry a brand by which its copies are recognised, as
 * `class-brand.ts` says.
 */
import type { ContractIssue } from '../errors/kinds.ts';
import { describeThrown } from '../errors/plugin-error.ts';
import { describeValue } from '../shared/describe-value.ts';
import { isClass } from '../shared/is-class.ts';
import { classesAbove, type FoundBase, otherCopy, safePrototypeOf } from './class-brand.ts';
import type { ContractResult, SyncContract } from './contract.ts';

// biome-ignore lint/suspicious/noExplicitAny: a base class's constructor arguments are its own business
export type AbstractConstructor<T = object> = abstract new (...args: any[]) => T;

export interface AbstractClassOptions {
  /** Shown in errors. Default `NAME class`. */
  readonly name?: string;
  /** Members a plugin must implement. Default: the base's `static abstractMembers`. */
  readonly abstractMembers?: readonly string[];
}

export function abstractClass<B extends AbstractConstructor>(
  Base: B,
  options?: AbstractClassOptions & { readonly accept?: 'instance' },
): SyncContract<InstanceType<B>>;
export function abstractClass<B extends AbstractConstructor>(
  Base: B,
  options: AbstractClassOptions & { readonly accept: 'subclass' },
): SyncContract<B>;
export function abstractClass(
  Base: AbstractConstructor,
  options: AbstractClassOptions & { readonly accept?: 'instance' | 'subclass' } = {},
): SyncContract<unknown> {
  const members = options.abstractMembers ?? staticMembers(Base);
  const subclass = options.accept === 'subclass';
  return {
    name: options.name ?? `${Base.name} class`,
    check(value): ContractResult<unknown> {
      const found = subclass ? notASubclass(Base, value) : notAnInstance(Base, value);
      if ('refusal' in found) {
        return { ok: false, issues: [{ path: '', message: found.refusal }] };
      }
      const holder = subclass ? (value as { prototype: object }).prototype : (value as object);
      // Placeholders are those of the copy the plugin is built on.
      const issues = members.flatMap((member) => memberIssue(found.base, holder, member) ?? []);
      return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
    },
  };
}

function notAnInstance(Base: AbstractConstructor, value: unknown): FoundBase {
  if (value instanceof Base) return { base: Base };
  // A class is not an instance (the hint below says so), whatever copy it extends.
  const copy =
    typeof value === 'function' ? undefined : otherCopy(Base, classesAbove(safePrototypeOf(value)));
  if (copy !== undefined) return copy;
  const hint =
    isClass(value) && value.prototype instanceof Base
      ? ' (the class itself: construct it first, or check it with accept: "subclass")'
      : '';
  return { refusal: `expected an instance of ${Base.name}, got ${describeValue(value)}${hint}` };
}

function notASubclass(Base: AbstractConstructor, value: unknown): FoundBase {
  if (value === Base) return { refusal: `got ${Base.name} itself; a plugin must extend it` };
  if (typeof value === 'function' && value.prototype instanceof Base) return { base: Base };
  const copy =
    typeof value === 'function' ? otherCopy(Base, classesAbove(value).slice(1)) : undefined;
  if (copy !== undefined) return copy;
  return { refusal: `expected a class that extends ${Base.name}, got ${describeValue(value)}` };
}

function memberIssue(
  Base: AbstractConstructor,
  holder: object,
  member: string,
): ContractIssue | undefined {
  const placeholder: unknown = Reflect.get(Base.prototype, member);
  let implementation: unknown;
  try {
    implementation = Reflect.get(holder, member);
  } catch (thrown) {
    return { path: member, message: `reading it threw: ${describeThrown(thrown)}` };
  }
  if (implementation === undefined) {
    return { path: member, message: `missing: ${Base.name} declares it abstract` };
  }
  if (implementation === placeholder) {
    return { path: member, message: `not implemented: still ${Base.name}'s placeholder` };
  }
  if (typeof placeholder === 'function' && typeof implementation !== 'function') {
    return { path: member, message: `expected a function, got ${describeValue(implementation)}` };
  }
  return undefined;
}

function staticMembers(Base: AbstractConstructor): readonly string[] {
  const declared: unknown = (Base as { abstractMembers?: unknown }).abstractMembers;
  if (declared === undefined) return [];
  if (Array.isArray(declared) && declared.every((m) => typeof m === 'string')) return declared;
  throw new TypeError(`${Base.name}.abstractMembers must be an array of member names`);
}
