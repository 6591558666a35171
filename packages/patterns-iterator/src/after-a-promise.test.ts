/**
 * Once a plugin answers with a promise, map, first and pipeline go on in
 * their async half (`mapRest`, `firstRest`, `pipelineRest`). That half must
 * treat the later plugins exactly as the sync loop would: each called once,
 * a promised answer awaited and a plain one taken as it is, a failure
 * collected without ending the run.
 */
import { PluginCallError } from '@plugin-patterns/loader';
import { describe, expect, it, vi } from 'vitest';
import { managerOf } from './test-plugins.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();
const fail = () => {
  throw new Error('no');
};

describe('map after a promised answer', () => {
  it('calls each later plugin once, awaits promises, takes plain answers, collects failures', async () => {
    const first = vi.fn(async () => 'a');
    const result = await managerOf<Fn>({
      a: first,
      b: () => 'b',
      c: fail,
      d: async () => 'd',
    }).map(call);
    expect(first).toHaveBeenCalledTimes(1);
    expect(result.values).toEqual(['a', 'b', 'd']);
    expect(result.from.map((e) => e.name)).toEqual(['a', 'b', 'd']);
    expect(result.failures.map((f) => f.plugin)).toEqual(['c']);
    expect(result.failures[0]).toBeInstanceOf(PluginCallError);
  });
});

describe('first after a promised answer', () => {
  it('calls the promising plugin once and goes on past a failure to the next answer', async () => {
    const first = vi.fn(async () => undefined);
    const result = await managerOf<Fn>({ a: first, b: fail, c: () => 'c' }).first(call);
    expect(first).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ found: true, value: 'c' });
    expect(result.from?.name).toBe('c');
    expect(result.failures.map((f) => f.plugin)).toEqual(['b']);
  });

  it('awaits a later promised answer', async () => {
    const result = await managerOf<Fn>({ a: async () => undefined, b: async () => 'b' }).first(
      call,
    );
    expect(result.value).toBe('b');
  });

  it('ends with found: false and only the real failures when nobody answers', async () => {
    const result = await managerOf<Fn>({ a: async () => undefined, b: () => undefined }).first(
      call,
    );
    expect(result).toEqual({ found: false, value: undefined, from: undefined, failures: [] });
  });
});

describe('pipeline after a promised answer', () => {
  type Step = (value: string) => string | Promise<string>;
  const step = (plugin: Step, value: string) => plugin(value);

  it('hands each awaited value on, skips a failed step, names every step that ran', async () => {
    const first = vi.fn(async (v: string) => `${v}a`);
    const result = await managerOf<Step>({
      a: first,
      b: (v) => `${v}b`,
      c: () => {
        throw new Error('no');
      },
      d: async (v) => `${v}d`,
    }).pipeline<string, string | Promise<string>>('', step);
    expect(first).toHaveBeenCalledTimes(1);
    expect(result.value).toBe('abd');
    expect(result.from.map((e) => e.name)).toEqual(['a', 'b', 'd']);
    expect(result.failures.map((f) => f.plugin)).toEqual(['c']);
  });
});
