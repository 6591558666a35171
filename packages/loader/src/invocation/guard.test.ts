import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  PluginCallError,
  PluginImportError,
  PluginResultError,
  PluginUnavailableError,
} from '../errors/kinds.ts';
import { Extension } from '../extension/extension.ts';
import { callPlugin, invoke } from './guard.ts';
import { catchSync, ext, type Pollster } from './test-calls.ts';

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
    // Longer than a timer can keep: Node would fire it after 1 ms.
    expect(() => callPlugin(ext({ poll }), (p) => p.poll(), { timeoutMs: 2 ** 31 })).toThrow(
      RangeError,
    );
    expect(poll).not.toHaveBeenCalled();
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
