import { PluginError } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { OrderCycleError, type OrderSpec } from './ordering.ts';
import { catchSync, managerOf } from './test-plugins.ts';

/** A plugin object that may declare its order. */
function plugin(order?: unknown): { run(): string; order?: unknown } {
  return order === undefined ? { run: () => 'x' } : { run: () => 'x', order };
}

const names = (objects: Record<string, object>, options = {}) =>
  managerOf<object>(objects, options).names();

describe('ordering: the default', () => {
  it('keeps the set order (discovery order)', () => {
    expect(names({ c: plugin(), a: plugin(), b: plugin() })).toEqual(['c', 'a', 'b']);
  });
});

describe('ordering: a names list from the host', () => {
  it('calls the listed plugins first, in list order, then the rest in set order', () => {
    const objects = { a: plugin(), b: plugin(), c: plugin(), d: plugin() };
    expect(names(objects, { names: ['c', 'a'] })).toEqual(['c', 'a', 'b', 'd']);
  });

  it('reports a listed name that matches no plugin, with the closest one', () => {
    const manager = managerOf<object>({ memory: plugin() }, { names: ['memroy'] });
    expect(manager.names()).toEqual(['memory']);
    expect(manager.orderProblems).toEqual([
      {
        plugin: undefined,
        message: '"memroy" is not among the plugins called (did you mean "memory"?)',
      },
    ]);
  });
});

describe('ordering: what a plugin declares', () => {
  it('honours first and last', () => {
    const objects = {
      a: plugin(),
      z: plugin({ position: 'first' }),
      m: plugin({ position: 'last' }),
      b: plugin(),
    };
    expect(names(objects)).toEqual(['z', 'a', 'b', 'm']);
  });

  it('honours before and after, moving nothing else', () => {
    const objects = {
      a: plugin(),
      b: plugin(),
      c: plugin({ before: 'a' }),
      d: plugin(),
      e: plugin({ after: ['d'] }),
      f: plugin(),
    };
    expect(names(objects)).toEqual(['b', 'c', 'a', 'd', 'e', 'f']);
  });

  it('reads a static order from the class', () => {
    class Publisher {
      static order: OrderSpec = { position: 'first' };
      run(): string {
        return 'p';
      }
    }
    expect(names({ a: plugin(), p: new Publisher() })).toEqual(['p', 'a']);
  });

  it('lets before/after win over a position', () => {
    const objects = { a: plugin(), b: plugin({ position: 'first', after: 'a' }) };
    expect(names(objects)).toEqual(['a', 'b']);
  });

  it('reports and ignores a malformed declaration', () => {
    const manager = managerOf<object>({
      a: plugin({ position: 'middle' }),
      b: plugin({ before: 3 }),
      c: plugin('first'),
    });
    expect(manager.names()).toEqual(['a', 'b', 'c']);
    expect(manager.orderProblems.map((p) => `${p.plugin}: ${p.message}`)).toEqual([
      'a: its order declaration is ignored: position must be "first" or "last"',
      'b: its order declaration is ignored: before must be a name or a list of names',
      'c: its order declaration is ignored: it is not an object',
    ]);
  });

  it('reports and ignores a declaration that throws when read, on the instance or the class, and the run goes on', () => {
    const throwing = {
      get order(): never {
        throw new Error('order is not ready');
      },
      run: () => 'throwing ran',
    };
    class ThrowsStatic {
      static get order(): never {
        throw new Error('static order broke');
      }
      run = () => 'static ran';
    }
    const manager = managerOf<{ run(): string }>({
      first: { run: () => 'first ran' },
      throwing,
      'throws-static': new ThrowsStatic(),
      last: Object.assign({ run: () => 'last ran' }, { order: { position: 'first' } }),
    });
    expect(manager.names()).toEqual(['last', 'first', 'throwing', 'throws-static']);
    expect(manager.orderProblems.map((p) => `${p.plugin}: ${p.message}`)).toEqual([
      'throwing: its order declaration is ignored: reading it threw order is not ready',
      'throws-static: its order declaration is ignored: reading it threw static order broke',
    ]);
    const run = manager.map((p) => p.run());
    expect(run).not.toBeInstanceOf(Promise);
    expect((run as { values: string[] }).values).toEqual([
      'last ran',
      'first ran',
      'throwing ran',
      'static ran',
    ]);
  });

  it('reports a constraint naming an unknown plugin', () => {
    const manager = managerOf<object>({ cpu: plugin({ after: 'dsik' }), disk: plugin() });
    expect(manager.names()).toEqual(['cpu', 'disk']);
    expect(manager.orderProblems).toEqual([
      { plugin: 'cpu', message: '"dsik" is not among the plugins called (did you mean "disk"?)' },
    ]);
  });

  it('is ignored with declared: false', () => {
    expect(names({ a: plugin(), b: plugin({ position: 'first' }) }, { declared: false })).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('ordering: constraints given by the host', () => {
  it('replace what the plugin declares', () => {
    const objects = { a: plugin(), b: plugin({ position: 'first' }) };
    expect(
      names(objects, { constraints: { b: { position: 'last' }, a: { position: 'first' } } }),
    ).toEqual(['a', 'b']);
  });

  it('report a constraint for a plugin that is not there', () => {
    const manager = managerOf<object>(
      { a: plugin() },
      { constraints: { b: { position: 'first' } } },
    );
    expect(manager.orderProblems[0]?.message).toBe(
      'constraint for "b" is not among the plugins called (did you mean "a"?)',
    );
  });

  it('combine with a names list: the list ranks, the edges decide', () => {
    const objects = { a: plugin(), b: plugin(), c: plugin() };
    expect(names(objects, { names: ['c', 'b', 'a'], constraints: { a: { before: 'b' } } })).toEqual(
      ['c', 'a', 'b'],
    );
  });
});

describe('ordering: a cycle', () => {
  it('is a typed error naming the plugins in the cycle', () => {
    const manager = managerOf<object>({
      a: plugin({ before: 'b' }),
      b: plugin({ before: 'c' }),
      c: plugin({ before: 'a' }),
      d: plugin(),
    });
    const error = catchSync(() => manager.names());
    expect(error).toBeInstanceOf(OrderCycleError);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as OrderCycleError).cycle).toEqual(['a', 'b', 'c', 'a']);
    expect((error as OrderCycleError).code).toBe('PLUGIN_ORDER_CYCLE');
    expect((error as Error).message).toBe(
      '[test.plugins] (invocation) order constraints form a cycle: a → b → c → a',
    );
  });

  it('includes a plugin that must run before itself', () => {
    const error = catchSync(() => names({ a: plugin({ after: 'a' }) }));
    expect((error as OrderCycleError).cycle).toEqual(['a', 'a']);
  });

  it('is thrown by the first call as well', () => {
    const manager = managerOf<object>({ a: plugin({ after: 'b' }), b: plugin({ after: 'a' }) });
    expect(() => manager.map((p) => p)).toThrow(OrderCycleError);
  });
});
