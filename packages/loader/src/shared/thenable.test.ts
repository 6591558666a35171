import { describe, expect, it } from 'vitest';
import { isThenable } from './thenable.ts';

describe('isThenable: what await would wait on', () => {
  it('says yes to promises and to any object or function with a then method', () => {
    // biome-ignore lint/suspicious/noThenProperty: a function that is a thenable, on purpose
    const thenableFunction = Object.assign(() => 0, { then: () => undefined });
    expect(isThenable(Promise.resolve(1))).toBe(true);
    // biome-ignore lint/suspicious/noThenProperty: a thenable that is not a Promise, on purpose
    expect(isThenable({ then: () => undefined })).toBe(true);
    expect(isThenable(thenableFunction)).toBe(true);
  });

  it('says no to everything else, primitives included', () => {
    // biome-ignore lint/suspicious/noThenProperty: a `then` that is not a method
    const values = [null, undefined, 0, 'text', true, 1n, Symbol('s'), [], {}, { then: 1 }];
    for (const value of values) expect(isThenable(value)).toBe(false);
  });

  it('says no to a primitive even when its prototype has a then method, as await does', async () => {
    const proto = Number.prototype as unknown as { then?: unknown };
    // biome-ignore lint/suspicious/noThenProperty: a primitive's prototype with then, on purpose
    proto.then = () => undefined;
    try {
      expect(isThenable(7)).toBe(false);
      expect(await 7).toBe(7);
    } finally {
      delete proto.then;
    }
  });
});
