import { PluginCallError } from '@plugin-patterns/loader';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { PipelineResult } from './pipeline.ts';
import { catchSync, managerOf } from './test-plugins.ts';

type Step = (text: string) => string | Promise<string>;

describe('pipeline: each plugin gets what the previous one returned', () => {
  it('threads the value through in order and names who touched it', () => {
    const manager = managerOf<Step>({
      trim: (t) => t.trim(),
      upper: (t) => t.toUpperCase(),
      exclaim: (t) => `${t}!`,
    });
    const result = manager.pipeline('  hello ', (step, text) => step(text) as string);
    expect(result).not.toBeInstanceOf(Promise);
    expect(result.value).toBe('HELLO!');
    expect(result.from.map((e) => e.name)).toEqual(['trim', 'upper', 'exclaim']);
  });

  it('returns the initial value when there is no plugin', async () => {
    expect((await managerOf<Step>({}).pipeline('as is', (s, t) => s(t))).value).toBe('as is');
  });
});

describe('pipeline: a failing step is skipped, the value goes on unchanged', () => {
  it('collects the failure and hands the last good value to the next plugin', () => {
    const result = managerOf<Step>({
      upper: (t) => t.toUpperCase(),
      broken: () => {
        throw new Error('bad step');
      },
      exclaim: (t) => `${t}!`,
    }).pipeline('hi', (step, text) => step(text) as string);
    expect(result.value).toBe('HI!');
    expect(result.failures[0]).toBeInstanceOf(PluginCallError);
    expect(result.failures[0]?.plugin).toBe('broken');
    expect(result.from.map((e) => e.name)).toEqual(['upper', 'exclaim']);
  });

  it('stops under raise', () => {
    const manager = managerOf<Step>({
      broken: () => {
        throw new Error('bad step');
      },
    });
    const error = catchSync(() => manager.pipeline('x', (s, t) => s(t), { onError: 'raise' }));
    expect(error).toBeInstanceOf(PluginCallError);
  });
});

describe('pipeline: async steps', () => {
  it('awaits a promised value before handing it on', async () => {
    const result = await managerOf<Step>({
      fetch: async (t) => `${t}+fetched`,
      upper: (t) => t.toUpperCase(),
    }).pipeline('v', (step, text) => step(text));
    expect(result.value).toBe('V+FETCHED');
  });
});

describe('pipeline: types', () => {
  it('is plain for sync steps and a promise for async ones', () => {
    const manager = managerOf<(n: number) => number>({});
    expectTypeOf(manager.pipeline(0, (p, n) => p(n))).toEqualTypeOf<
      PipelineResult<(n: number) => number, number>
    >();
    expectTypeOf(manager.pipeline(0, async (p, n) => p(n))).toEqualTypeOf<
      Promise<PipelineResult<(n: number) => number, number>>
    >();
  });
});
