import { describe, expect, it } from 'vitest';
import {
  exportNameProblem,
  isPlainObject,
  namespaceProblem,
  packageNameProblem,
  shorten,
} from './declared-names.ts';

// The reasons a declared name is refused, as reports print them, and the
// two helpers every message and every manifest read go through.

describe('why a name is refused', () => {
  it('a namespace: its type, a reserved key, its alphabet', () => {
    expect(namespaceProblem(42)).toBe('a namespace must be a string, not a number');
    expect(namespaceProblem('__proto__')).toBe('"__proto__" is reserved and cannot be a namespace');
    expect(namespaceProblem('constructor')).toBe(
      '"constructor" is reserved and cannot be a namespace',
    );
    expect(namespaceProblem('meter.storage')).toBeUndefined();
  });

  it('a package name: its type, its length (npm allows 214 characters), its form', () => {
    expect(packageNameProblem(42)).toBe('a package name must be a string, not a number');
    expect(packageNameProblem('a'.repeat(214))).toBeUndefined();
    expect(packageNameProblem('a'.repeat(215))).toBe(
      `package name "${'a'.repeat(60)}…" is longer than 214 characters`,
    );
    expect(packageNameProblem('../x')).toBe('"../x" is not a valid package name');
  });

  it('an export name: its type, and the keys that mean something to objects', () => {
    expect(exportNameProblem(42)).toBe('an export name must be a string, not a number');
    expect(exportNameProblem('__proto__')).toBe('"__proto__" is not a valid export name');
    expect(exportNameProblem('MemoryStorage')).toBeUndefined();
  });
});

describe('a plain object, as JSON.parse makes one', () => {
  it('is an object literal, or one with no prototype', () => {
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
  });

  it('is never undefined, null, an array, a string, a class instance or a Map', () => {
    for (const value of [undefined, null, [], 'text', 1, new (class Plugin {})(), new Map()]) {
      expect(isPlainObject(value)).toBe(false);
    }
  });
});

describe('text shortened for a message', () => {
  it('is kept whole up to the limit, and cut there with an ellipsis beyond it', () => {
    expect(shorten('x'.repeat(60))).toBe('x'.repeat(60));
    expect(shorten(`${'x'.repeat(60)}yz`)).toBe(`${'x'.repeat(60)}…`);
    expect(shorten('abcd', 3)).toBe('abc…');
  });
});
