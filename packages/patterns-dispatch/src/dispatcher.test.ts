import {
  AmbiguousPluginError,
  ExtensionSet,
  NoMatchingPluginError,
  PluginCallError,
  PluginTimeoutError,
  PluginUnavailableError,
} from '@plugin-patterns/loader';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Delivery, DispatchResult } from './delivery.ts';
import { Dispatcher } from './dispatcher.ts';

interface Greeter {
  greet(who: string): string | Promise<string>;
}

function greeters(log: string[] = []): Record<string, Greeter> {
  const plain = (name: string): Greeter => ({
    greet: (who) => {
      log.push(name);
      return `${name}: hello ${who}`;
    },
  });
  return {
    english: plain('english'),
    french: plain('french'),
    german: plain('german'),
    broken: {
      greet: () => {
        log.push('broken');
        throw new Error('no voice');
      },
    },
    later: {
      greet: async (who) => {
        log.push('later');
        return `later: hello ${who}`;
      },
    },
    hung: { greet: () => new Promise<string>(() => {}) },
  };
}

function dispatcherOver(objects: Record<string, Greeter>, options = {}) {
  return new Dispatcher(ExtensionSet.fromObjects('greeters', objects), options);
}

const values = (result: DispatchResult<string>) =>
  result.deliveries.map((d) => (d.ok ? d.value : `failed: ${d.error.code}`));

describe('Dispatcher.byName: calls the named plugins in the order given', () => {
  it('calls each named plugin once, in the order of the names, synchronously', () => {
    const log: string[] = [];
    const result = dispatcherOver(greeters(log)).byName(['german', 'english'], (g) =>
      g.greet('Ada'),
    );
    expect(result).not.toBeInstanceOf(Promise);
    expect(log).toEqual(['german', 'english']);
    expect(values(result as DispatchResult<string>)).toEqual([
      'german: hello Ada',
      'english: hello Ada',
    ]);
  });

  it('awaits an async plugin and keeps calling the rest in order after it', async () => {
    const log: string[] = [];
    const result = dispatcherOver(greeters(log)).byName(['later', 'french'], (g) => g.greet('Ada'));
    expect(result).toBeInstanceOf(Promise);
    expect(values(await result)).toEqual(['later: hello Ada', 'french: hello Ada']);
    expect(log).toEqual(['later', 'french']);
  });
});

describe('Dispatcher.byName: a name that matches nothing', () => {
  it('throws NoMatchingPluginError with the closest name, before calling anyone', () => {
    const log: string[] = [];
    const dispatcher = dispatcherOver(greeters(log));
    const attempt = () => dispatcher.byName(['english', 'frenhc'], (g) => g.greet('Ada'));
    expect(attempt).toThrow(NoMatchingPluginError);
    try {
      attempt();
    } catch (error) {
      expect((error as NoMatchingPluginError).closest).toBe('french');
      expect((error as NoMatchingPluginError).namespace).toBe('greeters');
    }
    expect(log).toEqual([]);
  });

  it('throws AmbiguousPluginError when two enabled plugins claim the name', () => {
    const { english, french } = greeters();
    const set = ExtensionSet.fromObjects<Greeter>('greeters', [
      ['hello', english as Greeter],
      ['hello', french as Greeter],
    ]);
    expect(() => new Dispatcher(set).byName(['hello'], (g) => g.greet('Ada'))).toThrow(
      AmbiguousPluginError,
    );
  });
});

describe('Dispatcher: a failing plugin does not stop the others', () => {
  it('collects the failure as a PluginCallError, recorded on the extension', () => {
    const log: string[] = [];
    const set = ExtensionSet.fromObjects('greeters', greeters(log));
    const result = new Dispatcher(set).byName(['broken', 'english'], (g) => g.greet('Ada'));
    const [broken, english] = (result as DispatchResult<string>).deliveries;
    expect(broken?.ok).toBe(false);
    expect((broken as Extract<Delivery<string>, { ok: false }>).error).toBeInstanceOf(
      PluginCallError,
    );
    expect(english).toEqual({ plugin: 'english', ok: true, value: 'english: hello Ada' });
    expect((result as DispatchResult<string>).failed).toBe(1);
    expect(set.named('broken')[0]?.lastError).toBeInstanceOf(PluginCallError);
    expect(log).toEqual(['broken', 'english']);
  });

  it('raises the first failure instead, and calls nobody after it, with onError: raise', () => {
    const log: string[] = [];
    const dispatcher = dispatcherOver(greeters(log), { onError: 'raise' });
    expect(() => dispatcher.byName(['broken', 'english'], (g) => g.greet('Ada'))).toThrow(
      PluginCallError,
    );
    expect(log).toEqual(['broken']);
  });

  it('turns an async call that does not settle in time into a PluginTimeoutError', async () => {
    const set = ExtensionSet.fromObjects('greeters', greeters());
    const result = await new Dispatcher(set, { timeoutMs: 5 }).byName(['hung', 'english'], (g) =>
      g.greet('Ada'),
    );
    expect(values(result)).toEqual(['failed: PLUGIN_TIMEOUT', 'english: hello Ada']);
    expect(set.named('hung')[0]?.lastError).toBeInstanceOf(PluginTimeoutError);
  });

  it('does not call a disabled plugin, and says why', () => {
    const log: string[] = [];
    const set = ExtensionSet.fromObjects('greeters', greeters(log));
    set.named('french')[0]?.disable('operator', 'switched off');
    const result = new Dispatcher(set).byName(['french'], (g) => g.greet('Ada'));
    const [french] = (result as DispatchResult<string>).deliveries;
    expect(french?.ok === false && french.error).toBeInstanceOf(PluginUnavailableError);
    expect(log).toEqual([]);
  });
});

describe('Dispatcher.byPredicate: calls the plugins a filter selects', () => {
  it('calls, in set order, every ready plugin the filter accepts', () => {
    const log: string[] = [];
    const result = dispatcherOver(greeters(log)).byPredicate(
      (extension) => extension.name.endsWith('ch') || extension.name === 'english',
      (g) => g.greet('Ada'),
    );
    expect(log).toEqual(['english', 'french']);
    expect((result as DispatchResult<string>).deliveries.map((d) => d.plugin)).toEqual([
      'english',
      'french',
    ]);
  });

  it('returns an empty result when the filter selects nothing', () => {
    const result = dispatcherOver(greeters()).byPredicate(
      () => false,
      (g) => g.greet('Ada'),
    );
    expect(result).toEqual({ deliveries: [], failed: 0 });
  });
});

describe('Dispatcher.call: one plugin by name', () => {
  it('returns a plain delivery for a sync plugin', () => {
    const delivery = dispatcherOver(greeters()).call('english', (g) => g.greet('Ada'));
    expect(delivery).toEqual({ plugin: 'english', ok: true, value: 'english: hello Ada' });
  });

  it('throws the failure with onError: raise, given per call', () => {
    const dispatcher = dispatcherOver(greeters());
    expect(dispatcher.call('broken', (g) => g.greet('Ada'))).toMatchObject({ ok: false });
    expect(() => dispatcher.call('broken', (g) => g.greet('Ada'), { onError: 'raise' })).toThrow(
      PluginCallError,
    );
  });

  it("throws the failure with the dispatcher's standing onError: raise, sync or promised", async () => {
    const dispatcher = dispatcherOver(
      { ...greeters(), rejecting: { greet: () => Promise.reject(new Error('later, no')) } },
      { onError: 'raise' },
    );
    expect(() => dispatcher.call('broken', (g) => g.greet('Ada'))).toThrow(PluginCallError);
    await expect(dispatcher.call('rejecting', (g) => g.greet('Ada'))).rejects.toThrow(
      PluginCallError,
    );
    expect(dispatcher.call('english', (g) => g.greet('Ada'))).toMatchObject({ ok: true });
  });

  it('applies a standing time limit to a promised answer', async () => {
    const dispatcher = dispatcherOver(greeters(), { timeoutMs: 5 });
    const delivery = await dispatcher.call('hung', (g) => g.greet('Ada'));
    expect(delivery.ok === false && delivery.error).toBeInstanceOf(PluginTimeoutError);
  });

  it('names the standing method in a failure on the inline path', () => {
    const dispatcher = dispatcherOver(greeters(), { method: 'greet' });
    const delivery = dispatcher.call('broken', (g) => g.greet('Ada')) as Delivery<string>;
    expect(delivery.ok === false && delivery.error.message).toBe(
      '[greeters:broken] (invocation) call to greet() failed: no voice',
    );
  });

  it('finds no inherited name: constructor and toString are typos, __proto__ a name like any', () => {
    const { english } = greeters();
    const set = ExtensionSet.fromObjects<Greeter>('greeters', [
      ['english', english as Greeter],
      ['__proto__', english as Greeter],
    ]);
    const dispatcher = new Dispatcher(set);
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      expect(() => dispatcher.call(name, (g) => g.greet('Ada'))).toThrow(NoMatchingPluginError);
    }
    expect(dispatcher.call('__proto__', (g) => g.greet('Ada'))).toEqual({
      plugin: '__proto__',
      ok: true,
      value: 'english: hello Ada',
    });
  });

  it('lists the names that can be called', () => {
    expect(dispatcherOver(greeters()).names()).toEqual([
      'english',
      'french',
      'german',
      'broken',
      'later',
      'hung',
    ]);
  });
});

describe('Dispatcher: types say when a result can be a promise', () => {
  it('is plain for a sync call, a promise for an async one, either for a union', () => {
    interface Numbers {
      n(): number;
      later(): Promise<number>;
    }
    const one: Numbers = { n: () => 1, later: async () => 2 };
    const dispatcher = new Dispatcher(ExtensionSet.fromObjects('numbers', { one }));
    expectTypeOf(dispatcher.call('one', (p) => p.n())).toEqualTypeOf<Delivery<number>>();
    expectTypeOf(dispatcher.call('one', (p) => p.later())).toEqualTypeOf<
      Promise<Delivery<number>>
    >();
    const either = (p: Numbers): number | Promise<number> => p.n();
    expectTypeOf(dispatcher.byName(['one'], either)).toEqualTypeOf<
      DispatchResult<number> | Promise<DispatchResult<number>>
    >();
  });
});
