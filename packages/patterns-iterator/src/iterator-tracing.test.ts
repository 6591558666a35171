import { ExtensionSet } from '@plugin-patterns/loader';
import { type Monitor, monitor } from '@plugin-patterns/loader/tracing';
import { afterEach, describe, expect, it } from 'vitest';
import { IteratorManager } from './iterator-manager.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();

function managerOf(plugins: Record<string, Fn>): IteratorManager<Fn> {
  return new IteratorManager(ExtensionSet.fromObjects('test.hooks', plugins));
}

let watching: Monitor | undefined;
afterEach(() => watching?.stop());

function seen(): (string | boolean)[][] {
  return (watching as Monitor).records.map((r) => [
    r.kind === 'call' ? r.pattern : r.stage,
    r.plugin ?? '',
    r.ok,
    r.async,
  ]);
}

describe('the iterator, traced', () => {
  it('publishes every call of map, a failure as a failed call, and the run goes on', async () => {
    const manager = managerOf({
      a: () => 1,
      b: () => {
        throw new Error('boom');
      },
      c: () => 3,
    });
    watching = monitor();
    const result = await manager.map(call);
    expect(result.values).toEqual([1, 3]);
    expect(seen()).toEqual([
      ['iterator', 'a', true, false],
      ['iterator', 'b', false, false],
      ['iterator', 'c', true, false],
    ]);
  });

  it('publishes a promised answer when it settles, and keeps a sync run sync', async () => {
    const manager = managerOf({ a: () => 1, b: async () => 2 });
    watching = monitor();
    const run = manager.map(call);
    expect(seen()).toEqual([['iterator', 'a', true, false]]);
    expect(await run).toMatchObject({ values: [1, 2] });
    expect(seen()).toEqual([
      ['iterator', 'a', true, false],
      ['iterator', 'b', true, true],
    ]);
  });

  it('publishes only the calls that happen: first stops at the first answer', () => {
    const manager = managerOf({ a: () => undefined, b: () => 'b', c: () => 'c' });
    watching = monitor();
    expect(manager.first(call)).toMatchObject({ value: 'b' });
    expect(seen().map(([, plugin]) => plugin)).toEqual(['a', 'b']);
  });

  it('publishes pipeline and parallel calls too', async () => {
    const manager = managerOf({ a: () => 1, b: async () => 2 });
    watching = monitor();
    await manager.pipeline(0, (plugin) => plugin() as number);
    await manager.parallel(call);
    expect(seen().map(([, plugin]) => plugin)).toEqual(['a', 'b', 'a', 'b']);
  });

  it('publishes nothing once the monitor stops', () => {
    const manager = managerOf({ a: () => 1 });
    watching = monitor();
    watching.stop();
    manager.map(call);
    expect(seen()).toEqual([]);
  });
});
