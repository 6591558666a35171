import { describe, expect, it } from 'vitest';
import { shapeOf } from './arg-shape.ts';

describe('shapeOf', () => {
  it('names the type, and the length of strings and arrays', () => {
    expect(
      [null, undefined, 1, 2n, true, 'abc', [1, 2], {}, () => 1, Symbol('s')].map(shapeOf),
    ).toEqual([
      { type: 'null' },
      { type: 'undefined' },
      { type: 'number' },
      { type: 'bigint' },
      { type: 'boolean' },
      { type: 'string', length: 3 },
      { type: 'array', length: 2 },
      { type: 'object' },
      { type: 'function' },
      { type: 'symbol' },
    ]);
  });

  it('never runs a proxy’s traps, even of a revoked proxy', () => {
    let trapped = 0;
    const watched = new Proxy([1, 2, 3], {
      get(target, key) {
        trapped++;
        return Reflect.get(target, key);
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(shapeOf(watched)).toEqual({ type: 'object' });
    expect(shapeOf(proxy)).toEqual({ type: 'object' });
    expect(trapped).toBe(0);
  });
});
