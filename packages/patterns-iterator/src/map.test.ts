import { PluginCallError, PluginError } from '@plugin-patterns/loader';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EmptyNamespaceError } from './error-policy.ts';
import type { MapResult } from './map.ts';
import {
  managerOf as anyManagerOf,
  catchSync,
  compiledManagerOf,
  inCompiledRun,
  managerOf as plainManagerOf,
  sync,
} from './test-plugins.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();

// Every behaviour below holds on both of map's paths: the plain loop (the
// default), and the compiled opt-in (compiled/). The same cases run on each.
describe.each([
  { path: 'the plain loop', managerOf: plainManagerOf, compiled: false },
  { path: 'the compiled run', managerOf: compiledManagerOf, compiled: true },
])('map on $path', ({ managerOf, compiled }) => {
  it('calls the plugins from that path', () => {
    const result = sync(managerOf<Fn>({ a: inCompiledRun, b: inCompiledRun }).map(call));
    expect(result.values).toEqual([compiled, compiled]);
  });

  describe('map: every answer, in order, beside its plugin', () => {
    it('collects each plugin answer and names where it came from', () => {
      const manager = managerOf<Fn>({ a: () => 1, b: () => 2, c: () => 3 });
      const result = sync(manager.map(call));
      expect(result.values).toEqual([1, 2, 3]);
      expect(result.from.map((e) => e.name)).toEqual(['a', 'b', 'c']);
      expect(result.failures).toEqual([]);
    });

    it('keeps undefined and null answers: map does not filter', () => {
      const result = sync(managerOf<Fn>({ a: () => undefined, b: () => null }).map(call));
      expect(result.values).toEqual([undefined, null]);
    });
  });

  describe('map: sync stays sync', () => {
    it('returns a plain result when every plugin answers synchronously', () => {
      const result = managerOf<Fn>({ a: () => 1 }).map(call);
      expect(typeof (result as { then?: unknown }).then).toBe('undefined');
    });

    it('calls the plugins before the first async one without waiting, then awaits', async () => {
      const log: string[] = [];
      const manager = managerOf<Fn>({
        a: () => log.push('a'),
        b: async () => {
          log.push('b');
          return 'B';
        },
        c: () => log.push('c'),
      });
      const pending = manager.map(call);
      expect(pending).toBeInstanceOf(Promise);
      expect(log).toEqual(['a', 'b']);
      const result = await pending;
      expect(log).toEqual(['a', 'b', 'c']);
      expect(result.values).toEqual([1, 'B', 3]);
    });

    it('awaits any thenable, not only native promises', async () => {
      // biome-ignore lint/suspicious/noThenProperty: a thenable that is not a Promise, on purpose
      const thenable = { then: (resolve: (v: number) => void) => resolve(7) };
      const result = await managerOf<Fn>({ a: () => thenable }).map(call);
      expect(result.values).toEqual([7]);
    });
  });

  describe('map: a failing plugin is collected and the run goes on (collect)', () => {
    const boom = new Error('sensor gone');
    const manager = () =>
      managerOf<Fn>({
        a: () => 1,
        b: () => {
          throw boom;
        },
        c: () => 3,
      });

    it('keeps the other answers and a typed error naming the plugin', () => {
      const result = sync(manager().map(call, { method: 'poll' }));
      expect(result.values).toEqual([1, 3]);
      expect(result.from.map((e) => e.name)).toEqual(['a', 'c']);
      expect(result.failures).toHaveLength(1);
      const [failure] = result.failures;
      expect(failure).toBeInstanceOf(PluginCallError);
      expect(failure).toMatchObject({
        namespace: 'test.plugins',
        plugin: 'b',
        stage: 'invocation',
      });
      expect(failure?.message).toBe(
        '[test.plugins:b] (invocation) call to poll() failed: sensor gone',
      );
      expect(failure?.cause).toBe(boom);
    });

    it('records the failure on the extension, which stays enabled', () => {
      const m = manager();
      const result = sync(m.map(call));
      const b = m.set.named('b')[0];
      expect(b?.lastError).toBe(result.failures[0]);
      expect(b?.state.status).toBe('enabled');
      expect(sync(m.map(call)).values).toEqual([1, 3]);
    });

    it('describes thrown values that are not Errors', () => {
      const result = sync(
        managerOf<Fn>({
          text: () => {
            throw 'offline';
          },
          object: () => {
            throw { code: 7 };
          },
          nothing: () => {
            throw undefined;
          },
        }).map(call),
      );
      expect(result.failures.map((f) => f.message)).toEqual([
        '[test.plugins:text] (invocation) call failed: offline',
        '[test.plugins:object] (invocation) call failed: non-Error value {"code":7}',
        '[test.plugins:nothing] (invocation) call failed: non-Error value undefined',
      ]);
    });

    it('collects a rejected promise the same way', async () => {
      const result = await managerOf<Fn>({
        a: async () => {
          throw new Error('late');
        },
        b: () => 2,
      }).map(call);
      expect(result.values).toEqual([2]);
      expect(result.failures[0]).toBeInstanceOf(PluginCallError);
      expect(result.failures[0]?.plugin).toBe('a');
    });
  });

  describe('map: failures and promises in any order', () => {
    const fail = (message: string) => () => {
      throw new Error(message);
    };

    it('keeps answers, plugins and failures lined up however the run switches paths', async () => {
      const cases: [string, Record<string, Fn>, string[], string[]][] = [
        [
          'a sync failure, then a promise',
          { a: () => 1, b: fail('b'), c: async () => 3, d: () => 4 },
          ['a', 'c', 'd'],
          ['b'],
        ],
        [
          'a promise, then failures',
          { a: async () => 1, b: fail('b'), c: () => Promise.reject(new Error('c')), d: () => 4 },
          ['a', 'd'],
          ['b', 'c'],
        ],
        ['only failures', { a: fail('a'), b: async () => Promise.reject('b') }, [], ['a', 'b']],
      ];
      for (const [, plugins, answered, failed] of cases) {
        const result = await managerOf<Fn>(plugins).map(call);
        expect(result.from.map((e) => e.name)).toEqual(answered);
        expect(result.values).toHaveLength(answered.length);
        expect(result.failures.map((f) => f.plugin)).toEqual(failed);
      }
    });
  });

  describe('map: raise stops at the first failure', () => {
    it('throws the typed error synchronously and calls no later plugin', () => {
      const log: string[] = [];
      const manager = managerOf<Fn>(
        {
          a: () => log.push('a'),
          b: () => {
            throw new Error('no');
          },
          c: () => log.push('c'),
        },
        { onError: 'raise' },
      );
      const error = catchSync(() => manager.map(call));
      expect(error).toBeInstanceOf(PluginCallError);
      expect((error as PluginError).plugin).toBe('b');
      expect(log).toEqual(['a']);
      expect(manager.set.named('b')[0]?.lastError).toBe(error);
    });

    it('rejects on the async path', async () => {
      const manager = managerOf<Fn>({ a: () => Promise.reject(new Error('x')), b: () => 2 });
      await expect(manager.map(call, { onError: 'raise' })).rejects.toBeInstanceOf(PluginCallError);
    });
  });

  describe('map: an empty namespace', () => {
    it('gives the empty result by default', () => {
      expect(managerOf<Fn>({}).map(call)).toEqual({ values: [], from: [], failures: [] });
    });

    it("throws EmptyNamespaceError with onEmpty: 'error', saying why each plugin is off", () => {
      const manager = managerOf<Fn>({ a: () => 1 }, { onEmpty: 'error' });
      manager.set.named('a')[0]?.disable('deny-list', 'listed in deny');
      const error = catchSync(() => manager.map(call));
      expect(error).toBeInstanceOf(EmptyNamespaceError);
      expect(error).toBeInstanceOf(PluginError);
      expect((error as EmptyNamespaceError).code).toBe('PLUGIN_NAMESPACE_EMPTY');
      expect((error as Error).message).toBe(
        '[test.plugins] (enabling) no enabled plugin to call (found 1: a disabled by deny-list: listed in deny)',
      );
    });

    it('says when nothing was found at all', () => {
      const error = catchSync(() => managerOf<Fn>({}).map(call, { onEmpty: 'error' }));
      expect((error as Error).message).toContain('no enabled plugin to call (none was found)');
    });
  });
});

describe('map: types follow the callback', () => {
  interface Plugin {
    count(): number;
    fetch(): Promise<string>;
    either(): number | Promise<number>;
  }
  const manager = anyManagerOf<Plugin>({});

  it('is plain for a sync callback, a promise for an async one, the union for either', () => {
    expectTypeOf(manager.map((p) => p.count())).toEqualTypeOf<MapResult<Plugin, number>>();
    expectTypeOf(manager.map((p) => p.fetch())).toEqualTypeOf<Promise<MapResult<Plugin, string>>>();
    expectTypeOf(manager.map((p) => p.either())).toEqualTypeOf<
      MapResult<Plugin, number> | Promise<MapResult<Plugin, number>>
    >();
  });
});
