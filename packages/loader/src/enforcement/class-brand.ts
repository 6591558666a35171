/**
 * A base class's brand: how a contract recognises another copy of the
 * host's base class. Class identity is per copy: a host bundled by esbuild
 * carries its own copy of the base class, and two installed versions of the
 * package that defines it are two classes; a plugin built on the other copy
 * is no `instanceof` the host's. So a base class may carry a brand, a static
 * property under the registered symbol
 * `Symbol.for('plugin-patterns.class-brand')` whose value names the API
 * (`@plugin-patterns/meter-contracts:PollsterBase@1`). A registered symbol is
 * the same in every copy, so a plugin whose class chain holds a class with
 * the host's base's brand is accepted as built on the same base, and its
 * members are checked against that copy. Without a brand, a plugin built on a
 * class of the same name is refused with an error that says "two copies of
 * NAME", so the cause is plain; the other way out is one shared copy (make
 * the defining package a peer dependency of plugins).
 *
 * A contracts package (what plugins import, like meter-contracts) should brand
 * its base with `Symbol.for('plugin-patterns.class-brand')` spelled out, not
 * with `CLASS_BRAND` imported from here: plugins load the contracts package,
 * and an import of the loader would make every plugin depend on the loader and
 * load it (its Node.js check, its one bundle) for one symbol. A registered
 * symbol needs no shared module: the key is the API, and it never changes,
 * since every published base class carries it. `CLASS_BRAND` is for code that
 * loads the loader anyway: a host, a contract of your own, and the contracts
 * package's tests, which check that their spelling is this symbol
 * (meter-contracts' pollster-base.test.ts).
 *
 * Everything here reads a plugin's values defensively: a hostile proxy may
 * throw from any property read or prototype lookup.
 */
import type { AbstractConstructor } from './abstract-class.ts';

/** The base the value is built on (the host's, or a copy with its brand), or why not. */
export type FoundBase = { readonly base: AbstractConstructor } | { readonly refusal: string };

/** The registered symbol a base class's brand is kept under: the same in every copy. */
export const CLASS_BRAND: unique symbol = Symbol.for('plugin-patterns.class-brand');

/**
 * Among the classes a plugin is built on, another copy of `Base`: one with
 * the same brand (accepted), or, where `Base` has none, one with the same
 * name (refused, saying so). Undefined when there is neither.
 */
export function otherCopy(
  Base: AbstractConstructor,
  classes: readonly object[],
): FoundBase | undefined {
  const brand = ownBrand(Base);
  for (const candidate of classes) {
    const theirs = ownBrand(candidate);
    if (brand !== undefined && theirs === brand) return { base: candidate as AbstractConstructor };
    if (nameOf(candidate) !== Base.name) continue;
    const why =
      brand === undefined
        ? `${Base.name} has no brand to recognise its copies by (static [Symbol.for('plugin-patterns.class-brand')])`
        : `their brands differ: ${String(theirs)} is not ${brand}`;
    return {
      refusal:
        `two copies of ${Base.name}: the plugin extends another copy of ${Base.name} than the ` +
        `host's (a bundled copy, or two installed versions), and ${why}; share one copy ` +
        `(a peer dependency), or brand the base class`,
    };
  }
  return undefined;
}

/** A class's own brand (not one inherited from the class it extends). */
function ownBrand(klass: object): string | undefined {
  try {
    const descriptor = Object.getOwnPropertyDescriptor(klass, CLASS_BRAND);
    return typeof descriptor?.value === 'string' ? descriptor.value : undefined;
  } catch {
    return undefined; // a hostile proxy: no brand
  }
}

/** The constructors along a prototype chain (or a class's own chain), nearest first. */
export function classesAbove(start: unknown): object[] {
  const found: object[] = [];
  let current = start;
  // A chain of a plain object is short; the bound only stops a cyclic proxy.
  for (let depth = 0; depth < 64 && current !== null && current !== undefined; depth++) {
    if (typeof current === 'function') found.push(current);
    else {
      const ctor = ownConstructor(current);
      if (ctor !== undefined) found.push(ctor);
    }
    current = safePrototypeOf(current);
  }
  return found;
}

function ownConstructor(prototype: unknown): object | undefined {
  try {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, 'constructor');
    return typeof descriptor?.value === 'function' ? descriptor.value : undefined;
  } catch {
    return undefined;
  }
}

export function safePrototypeOf(value: unknown): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return null;
  try {
    return Object.getPrototypeOf(value);
  } catch {
    return null;
  }
}

function nameOf(klass: object): unknown {
  try {
    return Object.getOwnPropertyDescriptor(klass, 'name')?.value;
  } catch {
    return undefined;
  }
}
