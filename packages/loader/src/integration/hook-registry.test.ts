import { describe, expect, expectTypeOf, it } from 'vitest';
import { createHookRegistry, type Registration } from './hook-registry.ts';

interface Hooks {
  'sample.received': (sample: { volume: number }) => void;
  format: (value: number) => string;
}

const alpha = { namespace: 'meter.hooks', name: 'alpha' };
const beta = { namespace: 'meter.hooks', name: 'beta' };

describe('createHookRegistry: sessions', () => {
  it('adds a plugin’s registrations on commit, recording who made each', () => {
    const registry = createHookRegistry<Hooks>();
    const session = registry.open(alpha);
    const format = (v: number) => `${v}`;
    session.host.register('format', format);
    expect(registry.registrations).toEqual([]);
    const mine = session.commit();
    expect(mine).toEqual([
      { hook: 'format', fn: format, namespace: 'meter.hooks', plugin: 'alpha' },
    ]);
    expect(registry.registrations).toEqual(mine);
  });

  it('drops everything a discarded session registered', () => {
    const registry = createHookRegistry();
    const session = registry.open(alpha);
    session.host.register('format', () => '');
    session.discard();
    expect(registry.registrations).toEqual([]);
  });

  it('refuses registration once the session is closed', () => {
    const registry = createHookRegistry();
    const session = registry.open(alpha);
    session.commit();
    expect(() => session.host.register('format', () => '')).toThrow(
      'register("format") was called after setup finished',
    );
  });

  it('tells the plugin who it is', () => {
    const { host } = createHookRegistry().open(beta);
    expect(host).toMatchObject({ namespace: 'meter.hooks', plugin: 'beta' });
  });
});

describe('createHookRegistry: lookups', () => {
  it('lists the functions of one hook in order, and what one plugin registered', () => {
    const registry = createHookRegistry<Hooks>();
    const a = registry.open(alpha);
    a.host.register('sample.received', () => {});
    a.host.register('format', () => 'a');
    a.commit();
    const b = registry.open(beta);
    b.host.register('format', () => 'b');
    b.commit();
    expect(registry.registered('format').map((r) => r.fn(1))).toEqual(['a', 'b']);
    expect(registry.byPlugin('alpha').map((r) => r.hook)).toEqual(['sample.received', 'format']);
    expect(registry.byPlugin('alpha', 'other.ns')).toEqual([]);
    expectTypeOf(registry.registered('format')).toEqualTypeOf<Registration<Hooks['format']>[]>();
  });
});

describe('createHookRegistry: checks', () => {
  it('refuses an unknown hook name with a suggestion, when the hooks are declared', () => {
    const registry = createHookRegistry<Hooks>({ hooks: ['sample.received', 'format'] });
    const { host } = registry.open(alpha);
    // A typed host catches the typo at compile time; untyped plugins meet the runtime check.
    // @ts-expect-error 'formt' is not a hook of Hooks
    expect(() => host.register('formt', () => '')).toThrow(
      'unknown hook "formt" (known: sample.received, format). Did you mean "format"?',
    );
  });

  it('refuses a hook that is not a function', () => {
    const { host } = createHookRegistry().open(alpha);
    expect(() => host.register('format', 'nope' as never)).toThrow(
      'register("format") needs a function, got string',
    );
  });
});

describe('createHookRegistry: a plugin’s hooks go with it', () => {
  /** A stand-in for the plugin's extension record, as the set hands it to setup. */
  const recordOf = () => {
    const record = {
      isEnabled: true,
      lastError: undefined,
      pass: () => {},
      fail: () => {},
      disable: (by: string, reason: string) => {
        record.isEnabled = false;
        record.disabledBy = `${by}: ${reason}`;
      },
      disabledBy: '',
    };
    return record;
  };

  it('leaves out every registration of a plugin whose record is disabled', () => {
    const registry = createHookRegistry<Hooks>();
    const alphaRecord = recordOf();
    const a = registry.open({ ...alpha, record: alphaRecord });
    a.host.register('format', () => 'a');
    a.host.register('sample.received', () => {});
    a.commit();
    const b = registry.open({ ...beta, record: recordOf() });
    b.host.register('format', () => 'b');
    b.commit();
    alphaRecord.disable('deny-list', 'listed');
    expect(registry.registered('format').map((r) => r.plugin)).toEqual(['beta']);
    expect(registry.registered('sample.received')).toEqual([]);
    // still listed as what it registered, for reports
    expect(registry.byPlugin('alpha')).toHaveLength(2);
  });

  it('disable() turns the plugin’s record off, or removes hooks registered by hand', () => {
    const registry = createHookRegistry<Hooks>();
    const alphaRecord = recordOf();
    const a = registry.open({ ...alpha, record: alphaRecord });
    a.host.register('format', () => 'a');
    a.commit();
    const b = registry.open(beta); // by hand: no record
    b.host.register('format', () => 'b');
    b.commit();
    expect(registry.disable('alpha', 'host', 'replaced')).toBe(true);
    expect(alphaRecord.disabledBy).toBe('host: replaced');
    expect(registry.disable('beta', 'host', 'gone')).toBe(true);
    expect(registry.registrations.map((r) => r.plugin)).toEqual(['alpha']);
    expect(registry.registered('format')).toEqual([]);
    expect(registry.disable('nobody', 'host', 'x')).toBe(false);
  });

  it('remove() drops every registration of a plugin and returns them', () => {
    const registry = createHookRegistry<Hooks>();
    const a = registry.open(alpha);
    a.host.register('format', () => 'a');
    a.host.register('sample.received', () => {});
    a.commit();
    expect(registry.remove('alpha').map((r) => r.hook)).toEqual(['format', 'sample.received']);
    expect(registry.registrations).toEqual([]);
  });
});
