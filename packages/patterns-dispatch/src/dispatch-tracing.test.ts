import { ExtensionSet } from '@plugin-patterns/loader';
import { type Monitor, monitor } from '@plugin-patterns/loader/tracing';
import { afterEach, describe, expect, it } from 'vitest';
import { Dispatcher } from './dispatcher.ts';

interface Greeter {
  greet(name: string): string | Promise<string>;
}

const greeters: Record<string, Greeter> = {
  en: { greet: (name) => `hello ${name}` },
  fr: { greet: async (name) => `bonjour ${name}` },
  xx: {
    greet: () => {
      throw new Error('no such language');
    },
  },
};

let watching: Monitor | undefined;
afterEach(() => watching?.stop());

describe('Dispatcher, traced', () => {
  it('publishes every call on the fast path, with its outcome', async () => {
    const dispatcher = new Dispatcher(ExtensionSet.fromObjects('greeters', greeters));
    watching = monitor();
    dispatcher.call('en', (g) => g.greet('Ada'));
    dispatcher.call('xx', (g) => g.greet('Ada'));
    await dispatcher.call('fr', (g) => g.greet('Ada'));
    expect(watching.records.map((r) => [r.plugin, r.ok, r.async])).toEqual([
      ['en', true, false],
      ['xx', false, false],
      ['fr', true, true],
    ]);
    expect(watching.records.every((r) => r.kind === 'call' && r.pattern === 'dispatch')).toBe(true);
  });

  it('publishes calls through the loader’s guard too (a time limit), each plugin in order', async () => {
    const dispatcher = new Dispatcher(ExtensionSet.fromObjects('greeters', greeters));
    watching = monitor();
    await dispatcher.byName(['fr', 'en'], (g) => g.greet('Ada'), { timeoutMs: 1000 });
    expect(watching.records.map((r) => r.plugin)).toEqual(['fr', 'en']);
  });

  it('publishes nothing for a plugin that cannot be called', () => {
    const set = ExtensionSet.fromObjects('greeters', greeters);
    set.named('en')[0]?.disable('host', 'switched off');
    const dispatcher = new Dispatcher(set);
    watching = monitor();
    const delivery = dispatcher.call('en', (g) => g.greet('Ada'));
    expect(delivery).toMatchObject({ ok: false });
    expect(watching.records).toEqual([]);
  });
});
