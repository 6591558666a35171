import { ExtensionSet } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { HookManager } from './hook-manager.ts';
import type { MapResult } from './map.ts';
import { managerOf, sync } from './test-plugins.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();

describe('plugins added at run time', () => {
  it('join the next run, ordered by the same rules, and a plugin can add one', () => {
    const manager = managerOf<Fn>({ a: () => 'a' }, { names: ['late', 'a'] });
    expect(sync(manager.map(call)).values).toEqual(['a']);
    const record = manager.add('late', () => 'late');
    expect(record.name).toBe('late');
    expect(manager.names()).toEqual(['late', 'a']);
    // a plugin that adds a sub-plugin while it runs (a conftest)
    manager.add('parent', () => {
      manager.add('child', () => 'child');
      return 'parent';
    });
    expect(sync(manager.map(call)).values).toEqual(['late', 'a', 'parent']);
    expect(sync(manager.map(call)).values).toEqual(['late', 'a', 'parent', 'child']);
  });

  it('are contained, blamed and disabled like the set’s own', () => {
    const manager = managerOf<Fn>({ a: () => 'a' });
    manager.add('broken', () => {
      throw new Error('no');
    });
    const run = sync(manager.map(call));
    expect(run.failures.map((f) => f.message)).toEqual([
      '[test.plugins:broken] (invocation) call failed: no',
    ]);
    expect(manager.disable('broken', 'host', 'too noisy')).toBe(true);
    expect(manager.names()).toEqual(['a']);
  });

  it('reach a hook manager when they carry its name', () => {
    const set = ExtensionSet.fromObjects<Fn>('meter.hooks', [['stored', () => 'audit']]);
    const hooks = new HookManager(set, 'stored');
    hooks.add('stored', () => 'alarm');
    hooks.add('shutdown', () => 'flush');
    expect(sync(hooks.map(call)).values).toEqual(['audit', 'alarm']);
  });
});

describe('plugins removed at run time', () => {
  it('leave the next run; a run under way keeps its plan', () => {
    const log: string[] = [];
    const manager = managerOf<Fn>({
      a: () => {
        log.push('a');
        manager.remove('b'); // removes b, and itself, during this run
        manager.remove('a');
      },
      b: () => log.push('b'),
      c: () => log.push('c'),
    });
    manager.map(call);
    expect(log).toEqual(['a', 'b', 'c']);
    log.length = 0;
    manager.map(call);
    expect(log).toEqual(['c']);
    expect(manager.set.named('b')[0]?.state).toEqual({
      status: 'disabled',
      by: 'removed',
      reason: 'removed at run time',
    });
  });

  it('drops a plugin added at run time, and says when nothing matched', () => {
    const manager = managerOf<Fn>({ a: () => 'a' });
    const added = manager.add('extra', () => 'extra');
    expect(manager.remove(added)).toBe(true);
    expect(manager.names()).toEqual(['a']);
    expect(manager.remove('nobody')).toBe(false);
  });
});

describe('historic calls', () => {
  it('are replayed to every plugin added later, and only to it', async () => {
    const results: unknown[][] = [];
    const manager = managerOf<Fn>({ a: () => 'a' });
    const now = manager.historic(call, (result: MapResult<Fn, unknown>) => {
      results.push(result.values);
    });
    expect(sync(now).values).toEqual(['a']);
    manager.add('b', () => 'b');
    manager.add('c', async () => 'c');
    await new Promise((resolve) => setImmediate(resolve));
    expect(results).toEqual([['a'], ['b'], ['c']]);
    expect(manager.names()).toEqual(['a', 'b', 'c']);
  });
});
