import { describe, expect, expectTypeOf, it } from 'vitest';
import { isPromiseLike, type Settled } from './delivery.ts';

describe('isPromiseLike', () => {
  it('recognises promises and other thenables, and nothing else', () => {
    expect(isPromiseLike(Promise.resolve(1))).toBe(true);
    // biome-ignore lint/suspicious/noThenProperty: a hand-made thenable is the point here
    const thenable = { then: () => {} };
    expect(isPromiseLike(thenable)).toBe(true);
    // biome-ignore lint/suspicious/noThenProperty: a `then` that is not a function
    const notThenable = { then: 1 };
    for (const value of [null, undefined, 1, 'then', notThenable, [], () => {}]) {
      expect(isPromiseLike(value)).toBe(false);
    }
  });
});

describe('Settled: the result type follows the plugin API', () => {
  it('is plain for plain values, a promise for promises, either for a union or unknown', () => {
    expectTypeOf<Settled<number, 'X'>>().toEqualTypeOf<'X'>();
    expectTypeOf<Settled<Promise<number>, 'X'>>().toEqualTypeOf<Promise<'X'>>();
    expectTypeOf<Settled<number | Promise<number>, 'X'>>().toEqualTypeOf<'X' | Promise<'X'>>();
    expectTypeOf<Settled<unknown, 'X'>>().toEqualTypeOf<'X' | Promise<'X'>>();
  });
});
