import { PluginCallError } from '@plugin-patterns/loader';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { FirstResult } from './first.ts';
import { catchSync, managerOf, sync } from './test-plugins.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();

describe('first: the first defined answer wins', () => {
  it('stops at the first answer that is not undefined and calls no later plugin', () => {
    const later = vi.fn(() => 'c');
    const result = sync(managerOf<Fn>({ a: () => undefined, b: () => 'b', c: later }).first(call));
    expect(result).toMatchObject({ found: true, value: 'b', failures: [] });
    expect(result.from?.name).toBe('b');
    expect(later).not.toHaveBeenCalled();
  });

  it('takes null, 0, false and the empty string as answers', () => {
    for (const answer of [null, 0, false, '']) {
      const result = sync(managerOf<Fn>({ a: () => answer, b: () => 'later' }).first(call));
      expect(result.value).toBe(answer);
    }
  });

  it('reports found: false when nobody answers', () => {
    const result = managerOf<Fn>({ a: () => undefined }).first(call);
    expect(result).toEqual({ found: false, value: undefined, from: undefined, failures: [] });
  });
});

describe('first: failures before the answer', () => {
  it('are collected and the search goes on', () => {
    const result = sync(
      managerOf<Fn>({
        a: () => {
          throw new Error('no');
        },
        b: () => 'yes',
      }).first(call),
    );
    expect(result.value).toBe('yes');
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toBeInstanceOf(PluginCallError);
    expect(result.failures[0]?.plugin).toBe('a');
  });

  it('stop the search under raise', () => {
    const manager = managerOf<Fn>({
      a: () => {
        throw new Error('no');
      },
      b: () => 'yes',
    });
    expect(catchSync(() => manager.first(call, { onError: 'raise' }))).toBeInstanceOf(
      PluginCallError,
    );
  });
});

describe('first: async', () => {
  it('awaits a promised answer and skips a promised undefined', async () => {
    const later = vi.fn(() => 'c');
    const result = await managerOf<Fn>({
      a: async () => undefined,
      b: async () => 'b',
      c: later,
    }).first(call);
    expect(result.value).toBe('b');
    expect(result.from?.name).toBe('b');
    expect(later).not.toHaveBeenCalled();
  });
});

describe('first: types', () => {
  it('drops undefined from the answer type', () => {
    const manager = managerOf<{ find(): string | undefined }>({});
    expectTypeOf(manager.first((p) => p.find())).toEqualTypeOf<
      FirstResult<{ find(): string | undefined }, string>
    >();
  });
});
