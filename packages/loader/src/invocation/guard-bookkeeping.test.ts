/**
 * What the guard keeps straight around each call, besides the answer: the
 * plugin at work is forgotten once the call is over (it names the plugin if
 * the process exits mid-call), a plugin that is not an object is told it has
 * no method, a refusal names the plugin, a bad time limit names its option,
 * and an answer that came in time leaves no timer behind to blame it later.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PluginUnavailableError } from '../errors/kinds.ts';
import { pluginsAtWork } from '../shared/plugin-at-work.ts';
import { callPlugin, invoke } from './guard.ts';
import { catchSync, ext } from './test-calls.ts';

const fails = () => {
  throw new Error('no');
};

describe('the plugin at work', () => {
  it('is forgotten after invoke and callPlugin, whether the call answered or threw', () => {
    invoke(ext({ poll: () => 1 }), 'poll');
    expect(pluginsAtWork()).toBeUndefined();
    catchSync(() => invoke(ext({ poll: fails }), 'poll'));
    expect(pluginsAtWork()).toBeUndefined();
    callPlugin(ext({ poll: () => 1 }), (p) => p.poll(), { method: 'poll' });
    expect(pluginsAtWork()).toBeUndefined();
    catchSync(() => callPlugin(ext({ poll: fails }), (p) => p.poll()));
    expect(pluginsAtWork()).toBeUndefined();
  });

  it('is the plugin while its method runs', () => {
    let during: string | undefined;
    invoke(
      ext({
        poll: () => {
          during = pluginsAtWork();
        },
      }),
      'poll',
    );
    expect(during).toBe('meter.pollster:cpu (in poll())');
  });
});

describe('a plugin that is not an object', () => {
  it('is told it has no method, with what it is', () => {
    for (const [object, what] of [
      [42, 'the plugin is the number 42, which has no method poll()'],
      [null, 'the plugin is null, which has no method poll()'],
    ] as const) {
      const error = catchSync(() => invoke(ext(object as unknown), 'poll'));
      expect(error?.message).toContain(what);
    }
  });

  it('a function plugin is searched for the method like an object', () => {
    const error = catchSync(() =>
      invoke(ext(() => 'called') as unknown as ReturnType<typeof ext<{ poll(): void }>>, 'poll'),
    );
    expect(error?.message).toContain('the plugin has no method poll() (found undefined)');
  });
});

describe('a refused call', () => {
  it('names the namespace and the plugin', () => {
    const extension = ext({ poll: () => 1 }, 'disk');
    extension.disable('deny-list', 'in the deny list');
    const refusal = catchSync(() => invoke(extension, 'poll'));
    expect(refusal).toBeInstanceOf(PluginUnavailableError);
    expect(refusal).toMatchObject({ namespace: 'meter.pollster', plugin: 'disk' });
  });
});

describe('callPlugin: a bad time limit', () => {
  it('is a RangeError naming the timeoutMs option', () => {
    const error = catchSync(() => callPlugin(ext({}), () => 1, { timeoutMs: -1 }));
    expect(error).toBeInstanceOf(RangeError);
    expect(error?.message).toMatch(/^timeoutMs must be a positive number of milliseconds/);
  });
});

describe('callPlugin: an answer in time', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves no timer that later blames the plugin', async () => {
    vi.useFakeTimers();
    const extension = ext({ poll: async () => 1 });
    await expect(callPlugin(extension, (p) => p.poll(), { timeoutMs: 50 })).resolves.toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(extension.lastError).toBeUndefined();
  });

  it('a rejection in time leaves no timer either: the call error stays the recorded one', async () => {
    vi.useFakeTimers();
    const extension = ext({ poll: async () => Promise.reject(new Error('no')) });
    const call = callPlugin(extension, (p) => p.poll(), { timeoutMs: 50 });
    await expect(call).rejects.toThrow('call failed: no');
    const recorded = extension.lastError;
    await vi.advanceTimersByTimeAsync(100);
    expect(extension.lastError).toBe(recorded);
  });
});
