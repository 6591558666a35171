import { readFile } from 'node:fs/promises';
import { PluginCallError, PluginTimeoutError } from '@plugin-patterns/loader';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmptyNamespaceError } from './error-policy.ts';
import { deferred, flushMicrotasks, managerOf } from './test-plugins.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();

describe('parallel: all at once, answers in plan order', () => {
  it('starts every plugin before any has answered', async () => {
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()];
    const started: string[] = [];
    const manager = managerOf<Fn>(
      ['a', 'b', 'c'].map((name, i) => [
        name,
        () => {
          started.push(name);
          return gates[i]?.promise;
        },
      ]),
    );
    const run = manager.parallel(call);
    expect(started).toEqual(['a', 'b', 'c']);
    // Finish in reverse order: the result still reads in plan order.
    gates[2]?.resolve('C');
    gates[1]?.resolve('B');
    gates[0]?.resolve('A');
    const result = await run;
    expect(result.values).toEqual(['A', 'B', 'C']);
    expect(result.from.map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });

  it('always returns a promise, even for sync plugins', async () => {
    const run = managerOf<Fn>({ a: () => 1 }).parallel(call);
    expect(run).toBeInstanceOf(Promise);
    expect((await run).values).toEqual([1]);
  });
});

describe('parallel: the concurrency limit', () => {
  it('never has more than `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const gates = Array.from({ length: 5 }, () => deferred<number>());
    const manager = managerOf<Fn>(
      gates.map((gate, i) => [
        `p${i}`,
        async () => {
          inFlight++;
          most = Math.max(most, inFlight);
          const value = await gate.promise;
          inFlight--;
          return value;
        },
      ]),
    );
    const run = manager.parallel(call, { concurrency: 2 });
    await flushMicrotasks();
    expect(inFlight).toBe(2);
    gates.forEach((gate, i) => {
      gate.resolve(i);
    });
    const result = await run;
    expect(most).toBe(2);
    expect(result.values).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a limit that is not a whole number of at least 1', async () => {
    const manager = managerOf<Fn>({ a: () => 1 });
    for (const concurrency of [0, -1, 1.5, Number.NaN]) {
      await expect(manager.parallel(call, { concurrency })).rejects.toBeInstanceOf(RangeError);
    }
  });
});

describe('parallel: failures', () => {
  it('are collected in plan order while the others answer', async () => {
    const result = await managerOf<Fn>({
      a: () => {
        throw new Error('sync throw');
      },
      b: async () => 'b',
      c: () => Promise.reject('rejected'),
    }).parallel(call);
    expect(result.values).toEqual(['b']);
    expect(result.failures.map((f) => f.plugin)).toEqual(['a', 'c']);
    expect(result.failures.every((f) => f instanceof PluginCallError)).toBe(true);
  });

  it('reject the run at the first failure under raise, starting nothing new', async () => {
    const late = vi.fn(() => 'late');
    const manager = managerOf<Fn>({
      a: () => {
        throw new Error('first');
      },
      b: late,
    });
    await expect(manager.parallel(call, { onError: 'raise', concurrency: 1 })).rejects.toThrow(
      'first',
    );
    expect(late).not.toHaveBeenCalled();
  });

  it("reject with EmptyNamespaceError for an empty namespace under onEmpty: 'error'", async () => {
    await expect(managerOf<Fn>({}).parallel(call, { onEmpty: 'error' })).rejects.toBeInstanceOf(
      EmptyNamespaceError,
    );
  });
});

describe('parallel: the per-call time limit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('blames only the plugin that hung', async () => {
    vi.useFakeTimers();
    const manager = managerOf<Fn>({ hangs: () => new Promise(() => {}), quick: async () => 'ok' });
    const run = manager.parallel(call, { timeoutMs: 50 });
    await vi.advanceTimersByTimeAsync(50);
    const result = await run;
    expect(result.values).toEqual(['ok']);
    expect(result.failures[0]).toBeInstanceOf(PluginTimeoutError);
    expect(result.failures[0]?.plugin).toBe('hangs');
  });

  // Issue 18, item 7. Real timers and real blocking: fake timers cannot hold
  // the thread. The limit is generous so that a loaded machine still reads
  // the file in time; what is checked is who is blamed, not how long it took.
  const LIMIT_MS = 200;
  const holdThread = (ms: number) => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // holding the thread, as a plugin stuck in a synchronous computation does
    }
  };
  const honest = async () => {
    await readFile(import.meta.filename);
    return 'read';
  };

  it('blames the plugin that held the thread after an await, not the one whose file read came after it', async () => {
    const manager = managerOf<Fn>({
      honest,
      holds: async () => {
        await Promise.resolve();
        holdThread(LIMIT_MS * 2);
        return 'late';
      },
    });
    const result = await manager.parallel(call, { timeoutMs: LIMIT_MS });
    expect(result.values).toEqual(['read']);
    expect(result.failures.map((f) => [f.plugin, f.constructor.name])).toEqual([
      ['holds', 'PluginTimeoutError'],
    ]);
    expect(manager.set.named('honest')[0]?.lastError).toBeUndefined();
  });

  it('blames a plugin whose call itself held the thread, not the one called before it', async () => {
    const manager = managerOf<Fn>({
      honest,
      holds: () => {
        holdThread(LIMIT_MS * 2);
        return Promise.resolve('late');
      },
    });
    const result = await manager.parallel(call, { timeoutMs: LIMIT_MS });
    expect(result.values).toEqual(['read']);
    expect(result.failures.map((f) => [f.plugin, f.constructor.name])).toEqual([
      ['holds', 'PluginTimeoutError'],
    ]);
  });
});
