import { PluginCallError, PluginTimeoutError } from '@plugin-patterns/loader';
import { isThenable } from '@plugin-patterns/loader/invocation';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IteratorManager } from './iterator-manager.ts';
import { managerOf, sync } from './test-plugins.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();

describe('a run: the per-call time limit on the async path', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('blames the plugin that hung, and the next plugin still runs', async () => {
    const next = vi.fn(async () => 'next');
    const manager = managerOf<Fn>({ hangs: () => new Promise(() => {}), next });
    const run = manager.map(call, { timeoutMs: 100, method: 'poll' });
    await vi.advanceTimersByTimeAsync(99);
    expect(next).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const result = await run;
    expect(result.values).toEqual(['next']);
    expect(result.failures).toHaveLength(1);
    const [timeout] = result.failures;
    expect(timeout).toBeInstanceOf(PluginTimeoutError);
    expect(timeout?.plugin).toBe('hangs');
    expect(timeout?.message).toBe(
      '[test.plugins:hangs] (invocation) call to poll() did not settle within 100 ms',
    );
    expect(manager.set.named('hangs')[0]?.lastError).toBe(timeout);
  });

  it('gives each plugin its own full time: a slow plugin does not eat the next one', async () => {
    const manager = managerOf<Fn>({
      slow: () => new Promise((resolve) => setTimeout(() => resolve('slow'), 90)),
      alsoSlow: () => new Promise((resolve) => setTimeout(() => resolve('also'), 90)),
    });
    const run = manager.map(call, { timeoutMs: 100 });
    await vi.advanceTimersByTimeAsync(180);
    const result = await run;
    expect(result.values).toEqual(['slow', 'also']);
    expect(result.failures).toEqual([]);
  });

  it('puts no limit on sync plugins: they have already answered', () => {
    const result = sync(managerOf<Fn>({ a: () => 1 }).map(call, { timeoutMs: 1 }));
    expect(result.values).toEqual([1]);
  });

  it('refuses a time limit that is not a positive number', () => {
    const manager = managerOf<Fn>({ a: () => 1 });
    for (const timeoutMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => manager.map(call, { timeoutMs })).toThrow(RangeError);
    }
  });

  it('refuses a time limit longer than a timer keeps (Node would fire it after 1 ms)', () => {
    const manager = managerOf<Fn>({ a: () => 1 });
    for (const timeoutMs of [2 ** 31, 2 ** 40]) {
      expect(() => manager.map(call, { timeoutMs })).toThrow(RangeError);
      expect(() => manager.map(call, { timeoutMs })).toThrow(
        /^timeoutMs must be .* at most 2147483647/,
      );
      expect(() => manager.first(call, { timeoutMs })).toThrow(RangeError);
    }
    expect(() => new IteratorManager(manager.set, { timeoutMs: 2 ** 31 })).toThrow(RangeError);
    expect(sync(manager.map(call, { timeoutMs: 2 ** 31 - 1 })).values).toEqual([1]);
  });
});

describe('a run: after the switch to async', () => {
  it('contains a sync throw of a later plugin like any other failure', async () => {
    const result = await managerOf<Fn>({
      a: async () => 'a',
      b: () => {
        throw new Error('sync, after async');
      },
      c: () => 'c',
    }).map(call);
    expect(result.values).toEqual(['a', 'c']);
    expect(result.failures[0]).toBeInstanceOf(PluginCallError);
    expect(result.failures[0]?.plugin).toBe('b');
  });

  it('blames a thenable whose then() throws on the plugin that returned it', async () => {
    const broken = {
      // biome-ignore lint/suspicious/noThenProperty: a deliberately broken thenable
      then() {
        throw new Error('then broke');
      },
    };
    const result = await managerOf<Fn>({ odd: () => broken, b: () => 'b' }).map(call);
    expect(result.values).toEqual(['b']);
    expect(result.failures[0]?.message).toContain('then broke');
  });
});

describe('a run: answers that throw when looked at', () => {
  const revoked = (): unknown => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };

  it('are the failure of the plugin that gave them, on the sync path', () => {
    const result = sync(managerOf<Fn>({ odd: revoked, b: () => 'b' }).map(call));
    expect(result.values).toEqual(['b']);
    expect(result.failures[0]).toBeInstanceOf(PluginCallError);
    expect(result.failures[0]?.message).toContain('proxy that has been revoked');
  });

  it('and after the switch to async', async () => {
    const result = await managerOf<Fn>({
      a: async () => 'a',
      odd: revoked,
      sly: () => ({
        // biome-ignore lint/suspicious/noThenProperty: a `then` getter that throws, on purpose
        get then(): never {
          throw new Error('then getter broke');
        },
      }),
      b: () => 'b',
    }).map(call);
    expect(result.values).toEqual(['a', 'b']);
    expect(result.failures.map((f) => f.plugin)).toEqual(['odd', 'sly']);
    expect(result.failures[1]?.message).toContain('then getter broke');
  });
});

describe('isThenable', () => {
  it('is true for anything with a then method, and only that', () => {
    expect(isThenable(Promise.resolve(1))).toBe(true);
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose
    expect(isThenable({ then: () => {} })).toBe(true);
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose
    expect(isThenable(Object.assign(() => {}, { then: () => {} }))).toBe(true);
    // biome-ignore lint/suspicious/noThenProperty: a `then` that is not a method
    const notMethod = { then: 1 };
    for (const value of [null, undefined, 1, 'then', {}, notMethod, []]) {
      expect(isThenable(value)).toBe(false);
    }
  });
});
