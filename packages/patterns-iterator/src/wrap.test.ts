import { ExtensionSet, PluginCallError } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import type { MapResult } from './map.ts';
import type { OrderSpec } from './ordering.ts';
import { managerOf, NAMESPACE, sync } from './test-plugins.ts';
import type { Wrapper } from './wrap.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();
const wrappersOf = (wrappers: Record<string, Wrapper>) =>
  ExtensionSet.fromObjects<Wrapper>('test.wrappers', wrappers);
const failing =
  (message: string): Fn =>
  () => {
    throw new Error(message);
  };

describe('wrappers: around every run', () => {
  it('run before and after the plugins, nested in their declared order, the first outermost', () => {
    const log: string[] = [];
    const logging = (name: string, order?: OrderSpec): Wrapper => ({
      ...(order === undefined ? {} : { order }),
      wrap(run) {
        log.push(`${name} before`);
        const result = run();
        log.push(`${name} after`);
        return result;
      },
    });
    const manager = managerOf<Fn>(
      { a: () => log.push('a'), b: () => log.push('b') },
      {
        wrappers: wrappersOf({
          inner: logging('inner', { after: 'outer' }),
          outer: logging('outer'),
          last: logging('last', { position: 'last' }),
        }),
      },
    );
    sync(manager.map(call));
    expect(log).toEqual([
      'outer before',
      'inner before',
      'last before',
      'a',
      'b',
      'last after',
      'inner after',
      'outer after',
    ]);
  });

  it('see the result and can replace it; the plugins run once however often run() is called', () => {
    let calls = 0;
    const manager = managerOf<Fn>(
      { a: () => ++calls },
      {
        wrappers: wrappersOf({
          double: {
            wrap(run) {
              const first = run() as MapResult<Fn, number>;
              const again = run() as MapResult<Fn, number>;
              return { ...first, values: [...first.values, ...again.values] };
            },
          },
        }),
      },
    );
    expect(sync(manager.map(call)).values).toEqual([1, 1]);
    expect(calls).toBe(1);
  });

  it('turn a raised failure into a result, or into another error blamed on the wrapper', () => {
    const rescuing: Wrapper = {
      wrap(run) {
        try {
          return run();
        } catch (error) {
          return { rescued: (error as Error).message };
        }
      },
    };
    const plugins = { a: failing('sensor gone') };
    const rescued = managerOf<Fn>(plugins, { wrappers: wrappersOf({ rescuing }) });
    expect(rescued.map(call, { onError: 'raise' })).toEqual({
      rescued: '[test.plugins:a] (invocation) call failed: sensor gone',
    });

    const translating: Wrapper = {
      wrap(run) {
        try {
          return run();
        } catch {
          throw new Error('the meters are down');
        }
      },
    };
    const wrappers = wrappersOf({ translating });
    const translated = managerOf<Fn>(plugins, { wrappers });
    let thrown: unknown;
    try {
      translated.map(call, { onError: 'raise' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PluginCallError);
    expect((thrown as PluginCallError).message).toBe(
      '[test.wrappers:translating] (invocation) call to wrap() failed: the meters are down',
    );
    expect(wrappers.named('translating')[0]?.lastError).toBe(thrown);
  });

  it('blame no wrapper when one lets the run’s own error pass', () => {
    const passing: Wrapper = { wrap: (run) => run() };
    const wrappers = wrappersOf({ passing });
    const manager = managerOf<Fn>({ a: failing('no') }, { wrappers });
    expect(() => manager.map(call, { onError: 'raise' })).toThrow(
      '[test.plugins:a] (invocation) call failed: no',
    );
    expect(wrappers.named('passing')[0]?.lastError).toBeUndefined();
  });

  it('contain a wrapper that fails before it wraps: recorded on it, and the run goes on without it', () => {
    const broken: Wrapper = {
      wrap() {
        throw new Error('wrapper bug');
      },
    };
    const wrappers = wrappersOf({ broken });
    const manager = managerOf<Fn>({ a: () => 1 }, { wrappers });
    expect(sync(manager.map(call)).values).toEqual([1]);
    expect(wrappers.named('broken')[0]?.lastError?.message).toBe(
      '[test.wrappers:broken] (invocation) call to wrap() failed: wrapper bug',
    );
    expect(() => manager.map(call, { onError: 'raise' })).toThrow('wrapper bug');
  });

  it('wrap every mode', async () => {
    const seen: string[] = [];
    const noting: Wrapper = {
      wrap(run, about) {
        seen.push(`${about.namespace} ${about.mode}`);
        return run();
      },
    };
    const manager = managerOf<Fn>({ a: () => 1 }, { wrappers: wrappersOf({ noting }) });
    manager.map(call);
    manager.first(call);
    manager.pipeline(0, (plugin) => plugin() as number);
    await manager.parallel(call);
    expect(seen).toEqual([
      `${NAMESPACE} map`,
      `${NAMESPACE} first`,
      `${NAMESPACE} pipeline`,
      `${NAMESPACE} parallel`,
    ]);
  });
});

describe('wrappers: on the async path', () => {
  it('await the run, see a rejection, and turn it into a result', async () => {
    const rescuing: Wrapper = {
      async wrap(run) {
        try {
          return await run();
        } catch {
          return 'rescued';
        }
      },
    };
    const manager = managerOf<Fn>(
      { a: async () => 1, b: () => Promise.reject(new Error('late failure')) },
      { wrappers: wrappersOf({ rescuing }) },
    );
    await expect(manager.map(call, { onError: 'raise' })).resolves.toBe('rescued');
    const collected = (await manager.map(call)) as MapResult<Fn, unknown>;
    expect(collected.values).toEqual([1]);
  });

  it('replace an async result, and blame an async wrapper that rejects with an error of its own', async () => {
    const adding: Wrapper = {
      async wrap(run) {
        const result = (await run()) as MapResult<Fn, number>;
        return result.values.reduce((sum, v) => sum + v, 0);
      },
    };
    const manager = managerOf<Fn>(
      { a: async () => 1, b: async () => 2 },
      { wrappers: wrappersOf({ adding }) },
    );
    await expect(manager.map(call)).resolves.toBe(3);

    const rejecting: Wrapper = {
      async wrap(run) {
        await run();
        throw new Error('after the run');
      },
    };
    const wrappers = wrappersOf({ rejecting });
    const failing = managerOf<Fn>({ a: async () => 1 }, { wrappers });
    await expect(failing.map(call)).rejects.toThrow(
      '[test.wrappers:rejecting] (invocation) call to wrap() failed: after the run',
    );
    // and one that passes the run's own rejection on is not blamed
    const passing = managerOf<Fn>(
      { a: () => Promise.reject(new Error('no')) },
      { wrappers: wrappersOf({ passing: { wrap: async (run) => await run() } }) },
    );
    await expect(passing.map(call, { onError: 'raise' })).rejects.toThrow(
      '[test.plugins:a] (invocation) call failed: no',
    );
  });

  it('contain an async wrapper that rejects before it wraps', async () => {
    const broken: Wrapper = {
      async wrap() {
        throw new Error('not ready');
      },
    };
    const wrappers = wrappersOf({ broken });
    const manager = managerOf<Fn>({ a: async () => 1 }, { wrappers });
    const result = (await manager.map(call)) as MapResult<Fn, number>;
    expect(result.values).toEqual([1]);
    expect(wrappers.named('broken')[0]?.lastError?.message).toContain('not ready');
  });
});
