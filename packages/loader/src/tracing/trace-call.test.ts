import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_SOURCE } from '../testing/fakes.ts';
import { callChannel } from './channels.ts';
import { type Recorder, recordEvents } from './test-events.ts';
import { traced } from './trace-call.ts';

const cpu = { namespace: 'meter.pollster', name: 'cpu', source: FAKE_SOURCE };
let recorder: Recorder | undefined;
afterEach(() => recorder?.stop());

describe('traced: a synchronous call', () => {
  it('publishes start and end around the call and hands back its answer', () => {
    recorder = recordEvents();
    const poll = traced('iterator', cpu, (plugin: { poll(): number }) => plugin.poll());
    expect(poll({ poll: () => 42 })).toBe(42);
    expect(recorder.events).toEqual(['start call cpu', 'end call cpu']);
  });

  it('carries who and what, never the answer', () => {
    recorder = recordEvents();
    traced('iterator', cpu, () => 'secret')(undefined);
    const context = recorder.contexts[0];
    expect(context).toEqual({
      namespace: 'meter.pollster',
      plugin: 'cpu',
      source: FAKE_SOURCE,
      pattern: 'iterator',
      args: [],
    });
    expect(JSON.stringify(context)).not.toContain('secret');
  });

  it('gives the shape of the arguments besides the plugin, not their values', () => {
    recorder = recordEvents();
    const step = traced(
      'iterator',
      cpu,
      (_plugin: unknown, text: string, list: number[]) => text + list.length,
    );
    step({}, 'hunter2', [1, 2, 3]);
    expect(recorder.contexts[0]).toMatchObject({
      args: [
        { type: 'string', length: 7 },
        { type: 'array', length: 3 },
      ],
    });
    expect(JSON.stringify(recorder.contexts[0])).not.toContain('hunter2');
  });

  it('publishes error then end for a throw, and rethrows it unchanged', () => {
    recorder = recordEvents();
    const boom = new Error('boom');
    const call = traced('driver', cpu, () => {
      throw boom;
    });
    expect(() => call(undefined)).toThrow(boom);
    expect(recorder.events).toEqual(['start call cpu', 'error call cpu', 'end call cpu']);
    expect(recorder.contexts[0]?.error).toBe(boom);
  });

  it('treats a `then` getter that throws as the call failing', () => {
    recorder = recordEvents();
    const answer = {
      // biome-ignore lint/suspicious/noThenProperty: a `then` getter that throws is the point
      get then(): never {
        throw new Error('no then');
      },
    };
    expect(() => traced('dispatch', cpu, () => answer)(undefined)).toThrow('no then');
    expect(recorder.events).toEqual(['start call cpu', 'error call cpu', 'end call cpu']);
  });
});

describe('traced: a promised answer', () => {
  it('publishes end at once, then asyncStart and asyncEnd when it settles', async () => {
    recorder = recordEvents();
    const answer = traced('iterator', cpu, async () => 7)(undefined);
    expect(recorder.events).toEqual(['start call cpu', 'end call cpu']);
    expect(recorder.contexts[0]?.promised).toBe(true);
    await expect(answer).resolves.toBe(7);
    expect(recorder.events).toEqual([
      'start call cpu',
      'end call cpu',
      'asyncStart call cpu',
      'asyncEnd call cpu',
    ]);
  });

  it('publishes error before asyncStart for a rejection, and rejects with it', async () => {
    recorder = recordEvents();
    const boom = new Error('late boom');
    await expect(traced('iterator', cpu, () => Promise.reject(boom))(undefined)).rejects.toBe(boom);
    expect(recorder.events).toEqual([
      'start call cpu',
      'end call cpu',
      'error call cpu',
      'asyncStart call cpu',
      'asyncEnd call cpu',
    ]);
  });

  it('follows any thenable, not only promises', async () => {
    recorder = recordEvents();
    // biome-ignore lint/suspicious/noThenProperty: a hand-made thenable is the point
    const thenable = { then: (resolve: (value: number) => void) => resolve(3) };
    await expect(traced('iterator', cpu, () => thenable)(undefined)).resolves.toBe(3);
    expect(recorder.events.at(-1)).toBe('asyncEnd call cpu');
  });
});

describe('traced: stores bound to the start channel', () => {
  it('hold for the call, as with Node’s own tracing helpers', () => {
    const store = new AsyncLocalStorage<string>();
    callChannel.start.bindStore(store, (context) => context.plugin);
    try {
      expect(traced('iterator', cpu, () => store.getStore())(undefined)).toBe('cpu');
    } finally {
      callChannel.start.unbindStore(store);
    }
  });
});
