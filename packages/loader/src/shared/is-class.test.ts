import { describe, expect, it } from 'vitest';
import { isClass } from './is-class.ts';

class MemoryStorage {
  readonly url: string;
  constructor(options: { url: string }) {
    this.url = options.url;
  }
}

describe('isClass', () => {
  it('sees class syntax, even without methods', () => {
    expect(isClass(class {})).toBe(true);
    expect(isClass(MemoryStorage)).toBe(true);
  });

  it('sees a class compiled to a function by its prototype methods', () => {
    function Legacy(this: { n: number }) {
      this.n = 1;
    }
    Legacy.prototype.get = function get() {
      return 1;
    };
    expect(isClass(Legacy)).toBe(true);
  });

  it('takes plain, arrow, async and bound functions for factories', () => {
    expect(isClass(function make() {})).toBe(false);
    expect(isClass(() => ({}))).toBe(false);
    expect(isClass(async () => ({}))).toBe(false);
    expect(isClass(function* gen() {})).toBe(false);
    expect(isClass(MemoryStorage.bind(null))).toBe(false);
    expect(isClass({ prototype: {} })).toBe(false);
  });
});
