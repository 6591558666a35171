import { afterEach, describe, expect, it, vi } from 'vitest';
import { PluginCallError, PluginTimeoutError } from '../errors/kinds.ts';
import { checkTimeLimit } from '../shared/time-limit.ts';
import { callPlugin, invoke } from './guard.ts';
import { callFailed } from './settle.ts';
import { ext } from './test-calls.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('settle: rejections', () => {
  it('maps a rejection the same way', async () => {
    const extension = ext({ poll: () => Promise.reject('nope') });
    const error = await invoke(extension, 'poll').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PluginCallError);
    expect((error as Error).message).toContain('call to poll() failed: nope');
    expect(extension.lastError).toBe(error);
  });

  it('maps a thenable whose then throws', async () => {
    const thenable = {
      // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the point
      then() {
        throw new Error('bad then');
      },
    };
    const answer = invoke(ext({ poll: () => thenable }), 'poll') as unknown as Promise<unknown>;
    const error = await answer.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginCallError);
    expect((error as Error).message).toContain('bad then');
  });
});

describe('callPlugin: time limit', () => {
  it('rejects with PluginTimeoutError blaming this plugin, and records it', async () => {
    vi.useFakeTimers();
    const slow = ext({ poll: () => new Promise<number[]>(() => {}) }, 'slow');
    const fast = ext({ poll: async () => [1] }, 'fast');
    const pending = callPlugin(slow, (p) => p.poll(), { method: 'poll', timeoutMs: 50 });
    const done = callPlugin(fast, (p) => p.poll(), { method: 'poll', timeoutMs: 50 });
    const caught = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(50);
    const error = await caught;
    expect(error).toBeInstanceOf(PluginTimeoutError);
    expect(error).toMatchObject({ plugin: 'slow', timeoutMs: 50, stage: 'invocation' });
    expect((error as Error).message).toContain('call to poll() did not settle within 50 ms');
    expect(slow.lastError).toBe(error);
    await expect(done).resolves.toEqual([1]);
    expect(fast.lastError).toBeUndefined();
  });

  it('clears its timer once the plugin settles', async () => {
    vi.useFakeTimers();
    await callPlugin(ext({ poll: async () => [1] }), (p) => p.poll(), { timeoutMs: 1000 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores a rejection that arrives after the time limit', async () => {
    vi.useFakeTimers();
    let rejectLate: (reason: unknown) => void = () => {};
    const extension = ext({ poll: () => new Promise<number[]>((_, r) => (rejectLate = r)) });
    const caught = callPlugin(extension, (p) => p.poll(), { timeoutMs: 10 }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(10);
    const timeout = await caught;
    rejectLate(new Error('late'));
    await Promise.resolve();
    expect(extension.lastError).toBe(timeout);
  });

  it('keeps the process alive while the host waits (the timer is not unref-ed)', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    let finish: (value: number[]) => void = () => {};
    const extension = ext({ poll: () => new Promise<number[]>((r) => (finish = r)) });
    const pending = callPlugin(extension, (p) => p.poll(), { timeoutMs: 60_000 });
    const timer = spy.mock.results.at(-1)?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(true);
    finish([1]);
    await expect(pending).resolves.toEqual([1]);
  });

  it('sets no timer for a sync answer', () => {
    vi.useFakeTimers();
    expect(callPlugin(ext({ poll: () => [3] }), (p) => p.poll(), { timeoutMs: 5 })).toEqual([3]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('checkTimeLimit', () => {
  // The longest delay setTimeout keeps: 2^31-1 ms.
  const MAX_TIMER_MS = 2147483647;

  it('accepts a positive limit up to the longest delay a timer keeps', () => {
    for (const ms of [0.5, 1, 60_000, MAX_TIMER_MS]) {
      expect(() => checkTimeLimit('timeoutMs', ms)).not.toThrow();
    }
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, MAX_TIMER_MS + 1, 2 ** 40])(
    'refuses %d with a RangeError naming the option',
    (ms) => {
      expect(() => checkTimeLimit('intervalMs', ms)).toThrow(RangeError);
      expect(() => checkTimeLimit('intervalMs', ms)).toThrow(
        `intervalMs must be a positive number of milliseconds, at most ${MAX_TIMER_MS}, not ${ms}`,
      );
    },
  );
});

describe('callFailed', () => {
  it('wraps what was thrown, names the method, records it, and keeps the plugin enabled', () => {
    const extension = ext({});
    const cause = new Error('sensor gone');
    const error = callFailed(extension, cause, 'poll');
    expect(error).toBeInstanceOf(PluginCallError);
    expect(error.message).toBe(
      '[meter.pollster:cpu] (invocation) call to poll() failed: sensor gone',
    );
    expect(error.cause).toBe(cause);
    expect(extension.lastError).toBe(error);
    expect(extension.history.at(-1)).toMatchObject({ by: 'PluginCallError', outcome: 'failed' });
    expect(extension.isEnabled).toBe(true);
  });

  it('says only "call" when no method is named', () => {
    expect(callFailed(ext({}), 'nope', undefined).message).toBe(
      '[meter.pollster:cpu] (invocation) call failed: nope',
    );
  });

  it('passes on, unwrapped and recorded once, an error already recorded for this plugin', async () => {
    // What an isolated plugin's stand-in does: it types and records its own time limit.
    const extension = ext({});
    const timedOut = new PluginTimeoutError(200, { namespace: 'meter.pollster', name: 'cpu' });
    extension.fail(timedOut);
    const entries = extension.history.length;
    expect(callFailed(extension, timedOut, 'poll')).toBe(timedOut);
    expect(extension.history.length).toBe(entries);
    const viaGuard = await callPlugin(extension, () => Promise.reject(timedOut)).catch(
      (e: unknown) => e,
    );
    expect(viaGuard).toBe(timedOut);
  });
});
