import { describe, expectTypeOf, it } from 'vitest';
import type { Settled } from './delivery.ts';

describe('Settled: the result type follows the plugin API', () => {
  it('is plain for plain values, a promise for promises, either for a union or unknown', () => {
    expectTypeOf<Settled<number, 'X'>>().toEqualTypeOf<'X'>();
    expectTypeOf<Settled<Promise<number>, 'X'>>().toEqualTypeOf<Promise<'X'>>();
    expectTypeOf<Settled<number | Promise<number>, 'X'>>().toEqualTypeOf<'X' | Promise<'X'>>();
    expectTypeOf<Settled<unknown, 'X'>>().toEqualTypeOf<'X' | Promise<'X'>>();
  });
});
