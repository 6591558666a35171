import {
  ExtensionSet,
  PluginCallError,
  PluginTimeoutError,
  PluginUnavailableError,
} from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { guardedCall } from './call-guard.ts';

interface Answer {
  answer(): number | Promise<number>;
}

function extensionOf(answer: () => number | Promise<number>) {
  const [extension] = ExtensionSet.fromObjects<Answer>('answers', { only: { answer } }).extensions;
  if (extension === undefined) throw new Error('no extension');
  return extension;
}

const ask = (plugin: Answer) => plugin.answer();

describe('guardedCall: answers become deliveries', () => {
  it('returns a plain delivery for a plain answer', () => {
    expect(
      guardedCall(
        extensionOf(() => 42),
        ask,
        {},
      ),
    ).toEqual({
      plugin: 'only',
      ok: true,
      value: 42,
    });
  });

  it('returns a promised delivery for a promised answer', async () => {
    const delivery = guardedCall(
      extensionOf(async () => 42),
      ask,
      {},
    );
    expect(delivery).toBeInstanceOf(Promise);
    expect(await delivery).toEqual({ plugin: 'only', ok: true, value: 42 });
  });
});

describe('guardedCall: failures become failed deliveries, recorded on the extension', () => {
  it('turns a throw into a PluginCallError naming the method', () => {
    const extension = extensionOf(() => {
      throw new Error('nope');
    });
    const delivery = guardedCall(extension, ask, { method: 'answer' });
    expect(delivery).toMatchObject({ plugin: 'only', ok: false });
    const error = (delivery as { error: Error }).error;
    expect(error).toBeInstanceOf(PluginCallError);
    expect(error.message).toContain('call to answer() failed: nope');
    expect(extension.lastError).toBe(error);
  });

  it('turns a rejection into a failed delivery', async () => {
    const delivery = await guardedCall(
      extensionOf(() => Promise.reject(new Error('later, nope'))),
      ask,
      {},
    );
    expect(delivery.ok === false && delivery.error).toBeInstanceOf(PluginCallError);
  });

  it('turns a late answer into a PluginTimeoutError', async () => {
    const delivery = await guardedCall(
      extensionOf(() => new Promise<number>(() => {})),
      ask,
      { timeoutMs: 5 },
    );
    expect(delivery.ok === false && delivery.error).toBeInstanceOf(PluginTimeoutError);
  });

  it('does not call a plugin that is not ready, and says why', () => {
    let called = false;
    const extension = extensionOf(() => {
      called = true;
      return 1;
    });
    extension.disable('operator', 'off for now');
    const delivery = guardedCall(extension, ask, {});
    expect(delivery).toMatchObject({ plugin: 'only', ok: false });
    expect((delivery as { error: Error }).error).toBeInstanceOf(PluginUnavailableError);
    expect(called).toBe(false);
  });
});

describe("guardedCall: the host's own mistakes propagate", () => {
  it('throws a RangeError for an invalid timeout instead of blaming the plugin', () => {
    expect(() =>
      guardedCall(
        extensionOf(() => 1),
        ask,
        { timeoutMs: -1 },
      ),
    ).toThrow(RangeError);
  });
});
