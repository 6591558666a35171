/**
 * Whether a plugin's export must be called with `new`: asked when the host
 * builds a plugin (integration/construct.ts), when a `setup` export is told
 * apart from a class (integration/setup.ts), and when a plugin is held to an
 * abstract base class (enforcement/abstract-class.ts).
 *
 * The rule:
 *   1. `class` syntax is a class (its source text starts with `class`);
 *   2. a function whose own `prototype` points back at it and holds methods
 *      besides `constructor` is a class compiled to a function (ES5 style);
 *   3. anything else that is a function is a factory and is called.
 */
export type AnyClass = abstract new (...args: never[]) => unknown;

/** Whether `value` must be called with `new`, by the rule above. */
export function isClass(value: unknown): value is AnyClass {
  if (typeof value !== 'function') return false;
  if (/^class[\s{]/.test(Function.prototype.toString.call(value))) return true;
  const prototype: unknown = Object.hasOwn(value, 'prototype') ? value.prototype : undefined;
  if (typeof prototype !== 'object' || prototype === null) return false;
  if ((prototype as { constructor?: unknown }).constructor !== value) return false;
  return Object.getOwnPropertyNames(prototype).some((key) => key !== 'constructor');
}
