import {
  ExtensionSet,
  PluginCallError,
  PluginTimeoutError,
  PluginUnavailableError,
} from '@plugin-patterns/loader';
import { isThenable } from '@plugin-patterns/loader/invocation';
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

describe('guardedCall: answers that are objects', () => {
  // A call that ignores the plugin and hands back a given answer.
  const askFor = (answer: unknown) => (_plugin: unknown) => answer;
  const plain = ExtensionSet.fromObjects('objects', { only: {} }).extensions[0];

  it('delivers an object or a function that is not a thenable as it is', () => {
    if (plain === undefined) throw new Error('no extension');
    // biome-ignore lint/suspicious/noThenProperty: a `then` that is not a function
    const record = { then: 'not a function' };
    const fn = () => 1;
    expect(guardedCall(plain, askFor(record), {})).toEqual({
      plugin: 'only',
      ok: true,
      value: record,
    });
    expect(guardedCall(plain, askFor(fn), {})).toMatchObject({ ok: true, value: fn });
  });

  it('blames the plugin when looking for `then` throws, and records it', () => {
    const extension = ExtensionSet.fromObjects('objects', { only: {} }).extensions[0];
    if (extension === undefined) throw new Error('no extension');
    const answer = Object.defineProperty({}, 'then', {
      get() {
        throw new Error('no peeking');
      },
    });
    const delivery = guardedCall(extension, askFor(answer), { method: 'answer' });
    expect(delivery).toMatchObject({ plugin: 'only', ok: false });
    const error = (delivery as { error: Error }).error;
    expect(error).toBeInstanceOf(PluginCallError);
    expect(error.message).toContain('call to answer() failed: no peeking');
    expect(extension.lastError).toBe(error);
    expect(extension.isReady).toBe(true);
  });

  it('adopts any thenable, and names the method when it rejects', async () => {
    const extension = extensionOf(() => 0);
    // biome-ignore lint/suspicious/noThenProperty: a hand-made thenable is the point
    const thenable = { then: (_: unknown, reject: (e: Error) => void) => reject(new Error('x')) };
    const delivery = await guardedCall(extension, askFor(thenable), { method: 'answer' });
    expect(delivery.ok === false && delivery.error.message).toContain('call to answer() failed');
    expect(extension.lastError).toBeInstanceOf(PluginCallError);
  });

  it('answers in time under a time limit', async () => {
    const delivery = await guardedCall(
      extensionOf(async () => 7),
      ask,
      { timeoutMs: 1000 },
    );
    expect(delivery).toEqual({ plugin: 'only', ok: true, value: 7 });
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

describe("guardedCall: thenables are told apart as the loader's isThenable tells them", () => {
  // Made with defineProperty: these are thenables (or not) on purpose.
  const withThen = <O extends object>(target: O, then: unknown): O =>
    Object.defineProperty(target, 'then', { value: then });
  const resolveTo = (value: string) => (ok: (v: string) => void) => ok(value);
  const answers: [string, unknown][] = [
    ['a number', 7],
    ['a string', 'text'],
    ['a boolean', false],
    ['a bigint', 7n],
    ['a symbol', Symbol.for('answer')],
    ['null', null],
    ['undefined', undefined],
    ['an array', [1, 2]],
    ['an object whose then is not a function', withThen({}, 1)],
    ['a promise', Promise.resolve('resolved')],
    ['a thenable with no prototype', withThen(Object.create(null) as object, resolveTo('bare'))],
    ['a function with a then method', withThen(() => 'f', resolveTo('callable'))],
  ];

  it.each(answers)('%s', async (_, answer) => {
    const extension = ExtensionSet.fromObjects('answers', { only: {} }).extensions[0];
    if (extension === undefined) throw new Error('no extension');
    const delivery = guardedCall(extension, () => answer, {});
    expect(delivery instanceof Promise).toBe(isThenable(answer));
    const settled = await delivery;
    expect(settled.ok).toBe(true);
    if (!isThenable(answer)) expect(settled).toEqual({ plugin: 'only', ok: true, value: answer });
  });
});

describe('guardedCall: an answer that throws when looked at', () => {
  it('blames the plugin for a proxy whose getPrototypeOf trap throws', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('no looking');
        },
      },
    );
    const extension = extensionOf(() => hostile as unknown as number);
    const delivery = guardedCall(extension, ask, { method: 'answer' });
    expect(delivery).toMatchObject({ plugin: 'only', ok: false });
    expect(extension.lastError?.message).toContain('no looking');
  });
});
