import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  PluginCallError,
  PluginImportError,
  PluginResultError,
  PluginTimeoutError,
  PluginUnavailableError,
} from '../errors/kinds.ts';
import { Extension } from '../extension/extension.ts';
import { callPlugin, checkResult, invoke } from './guard.ts';

interface Pollster {
  readonly meters: readonly string[];
  poll(): number[] | Promise<number[]>;
  scale?(factor: number, offset: number): number;
}

const ext = <T>(object: T, name = 'cpu') => Extension.preloaded('meter.pollster', name, object);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('invoke: sync stays sync', () => {
  it('returns what a sync plugin returned, not a promise, with the plugin as this', () => {
    const answer = { readings: [1] };
    const plugin = {
      factor: 2,
      scale(this: { factor: number }, a: number, b: number) {
        return this.factor * a + b;
      },
      get: () => answer,
    };
    expect(invoke(ext(plugin), 'scale', 3, 1)).toBe(7);
    expect(invoke(ext(plugin), 'get')).toBe(answer);
  });

  it('awaits a plugin that returned a promise', async () => {
    const result = invoke(ext({ poll: async () => [42] }), 'poll');
    expect(result).toBeInstanceOf(Promise);
    await expect(result).resolves.toEqual([42]);
  });
});

describe('invoke: a plugin that throws', () => {
  it('becomes a PluginCallError naming namespace, plugin and method, cause kept', () => {
    const cause = new Error('disk gone');
    const extension = ext({
      poll() {
        throw cause;
      },
    });
    const error = catchSync(() => invoke(extension, 'poll'));
    expect(error).toBeInstanceOf(PluginCallError);
    expect(error).toMatchObject({
      namespace: 'meter.pollster',
      plugin: 'cpu',
      stage: 'invocation',
    });
    expect((error as Error).message).toBe(
      '[meter.pollster:cpu] (invocation) call to poll() failed: disk gone',
    );
    expect((error as Error).cause).toBe(cause);
  });

  it('is recorded on the extension, which stays enabled', () => {
    const extension = ext({
      poll() {
        throw new Error('once');
      },
    });
    catchSync(() => invoke(extension, 'poll'));
    expect(extension.lastError).toBeInstanceOf(PluginCallError);
    expect(extension.state.status).toBe('enabled');
    expect(extension.history.at(-1)).toMatchObject({ stage: 'invocation', outcome: 'failed' });
  });

  it('describes a thrown value that is not an Error', () => {
    const extension = ext({
      poll() {
        throw { code: 7 };
      },
    });
    expect(catchSync(() => invoke(extension, 'poll'))?.message).toContain(
      'call to poll() failed: non-Error value {"code":7}',
    );
  });

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

  it('blames a plugin that lacks the method', () => {
    const error = catchSync(() => invoke(ext({ meters: [] } as unknown as Pollster), 'poll'));
    expect(error).toBeInstanceOf(PluginCallError);
    expect(error?.message).toContain('the plugin has no method poll() (found undefined)');
  });
});

describe('invoke: a plugin that is not an object', () => {
  it('blames the plugin when its object is null', () => {
    const error = catchSync(() => invoke(ext<unknown>(null), 'poll'));
    expect(error).toBeInstanceOf(PluginCallError);
    expect(error?.message).toContain('the plugin is null, which has no method poll()');
  });

  it('keeps the error of a getter that throws', () => {
    const plugin = {
      get poll(): () => number[] {
        throw new Error('getter broke');
      },
    };
    expect(catchSync(() => invoke(ext(plugin), 'poll'))?.message).toContain('getter broke');
  });
});

describe('invoke: an extension that cannot be called', () => {
  const unloaded = (poll: () => number[]) =>
    new Extension<{ poll(): number[] }>(
      {
        namespace: 'meter.pollster',
        name: 'cpu',
        reference: './cpu',
        source: { kind: 'object', via: 'in-memory' },
        target: { url: 'fake:cpu', exportName: 'default' },
      },
      async () => ({ poll }),
    );

  it('refuses a disabled, failed or unloaded extension without calling it', () => {
    const poll = vi.fn(() => [1]);
    const disabled = ext({ poll });
    disabled.disable('deny-list', 'in the deny list');
    const failed = ext({ poll });
    failed.fail(
      new PluginImportError('./cpu', { namespace: 'meter.pollster', name: 'cpu', cause: 'gone' }),
    );
    const refusal = catchSync(() => invoke(disabled, 'poll'));
    expect(refusal).toBeInstanceOf(PluginUnavailableError);
    expect(refusal?.message).toContain('disabled by deny-list: in the deny list');
    expect(catchSync(() => invoke(failed, 'poll'))?.message).toContain('it failed at import');
    expect(catchSync(() => invoke(unloaded(poll), 'poll'))?.message).toContain('not been loaded');
    expect(poll).not.toHaveBeenCalled();
  });

  it('keeps calling a plugin whose earlier calls failed', () => {
    const poll = vi.fn(() => [1]);
    const extension = ext({ poll });
    extension.fail(new PluginCallError({ namespace: 'meter.pollster', name: 'cpu', cause: 'x' }));
    extension.fail(new PluginResultError('bad', { namespace: 'meter.pollster', name: 'cpu' }));
    expect(invoke(extension, 'poll')).toEqual([1]);
  });
});

describe('callPlugin', () => {
  it('runs any function of the plugin and keeps a sync answer sync', () => {
    const hook = ext((n: number) => n + 1, 'inc');
    const result = callPlugin(hook, (fn) => fn(1), { method: 'inc' });
    expect(result).toBe(2);
  });

  it('names the method it was given in errors', () => {
    const error = catchSync(() =>
      callPlugin(
        ext(() => {
          throw new Error('x');
        }),
        (fn) => fn(),
        { method: 'handler' },
      ),
    );
    expect(error?.message).toContain('call to handler() failed: x');
  });

  it('refuses a time limit that is not a positive number, before calling', () => {
    const poll = vi.fn();
    expect(() => callPlugin(ext({ poll }), (p) => p.poll(), { timeoutMs: 0 })).toThrow(RangeError);
    expect(poll).not.toHaveBeenCalled();
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

  it('does not keep the process alive: the timer is unref-ed', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    let finish: (value: number[]) => void = () => {};
    const extension = ext({ poll: () => new Promise<number[]>((r) => (finish = r)) });
    const pending = callPlugin(extension, (p) => p.poll(), { timeoutMs: 60_000 });
    const timer = spy.mock.results.at(-1)?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    finish([1]);
    await expect(pending).resolves.toEqual([1]);
  });

  it('sets no timer for a sync answer', () => {
    vi.useFakeTimers();
    expect(callPlugin(ext({ poll: () => [3] }), (p) => p.poll(), { timeoutMs: 5 })).toEqual([3]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('checkResult', () => {
  const isNumbers = (v: unknown): v is number[] =>
    Array.isArray(v) && v.every((n) => typeof n === 'number');

  it('returns a value of the right shape, typed', () => {
    const value = checkResult(ext({}), [1, 2], isNumbers, 'an array of numbers');
    expectTypeOf(value).toEqualTypeOf<number[]>();
    expect(value).toEqual([1, 2]);
  });

  it('blames the plugin for a wrong shape, with what was expected and what came', () => {
    const extension = ext({});
    const error = catchSync(() =>
      checkResult(extension, 'soon', isNumbers, 'an array of numbers', { method: 'poll' }),
    );
    expect(error).toBeInstanceOf(PluginResultError);
    expect(error?.message).toBe(
      '[meter.pollster:cpu] (invocation) returned an unusable result: expected an array of numbers from poll(), got a string "soon"',
    );
    expect(extension.lastError).toBe(error);
  });

  it('adds the detail a check returns as a string', () => {
    const error = catchSync(() =>
      checkResult(
        ext({}),
        [],
        (v) => (Array.isArray(v) && v.length > 0) || 'it is empty',
        'samples',
      ),
    );
    expect(error?.message).toContain('expected samples, got an array of 0 (it is empty)');
  });
});

describe('types', () => {
  it('infers method names, arguments and results from the extension', () => {
    const extension = ext<Pollster>({ meters: [], poll: () => [] });
    expectTypeOf(invoke(extension, 'poll')).toEqualTypeOf<number[] | Promise<number[]>>();
    expectTypeOf(invoke<Pollster, 'scale'>).parameters.toEqualTypeOf<
      [Extension<Pollster>, 'scale', number, number]
    >();
    // @ts-expect-error meters is not a method
    catchSync(() => invoke(extension, 'meters'));
    expectTypeOf(callPlugin(extension, (p) => p.meters)).toEqualTypeOf<readonly string[]>();
  });

  it('lets any extension be passed where Extension<unknown> is expected', () => {
    expectTypeOf<Extension<Pollster>>().toExtend<Extension<unknown>>();
  });
});

function catchSync(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}
