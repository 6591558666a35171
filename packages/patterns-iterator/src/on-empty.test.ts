/**
 * `onEmpty: 'error'` is about an empty run only: every way of running the
 * plugins throws EmptyNamespaceError when there is no plugin to run, and
 * runs normally when there is one.
 */
import { describe, expect, it } from 'vitest';
import { EmptyNamespaceError } from './error-policy.ts';
import { catchSync, managerOf } from './test-plugins.ts';

type Fn = () => unknown;
const call = (fn: Fn) => fn();
const step = (fn: Fn, value: unknown) => `${String(value)}${String(fn())}`;
const strict = { onEmpty: 'error' } as const;

describe("onEmpty: 'error' with no plugin", () => {
  it('is an EmptyNamespaceError from map, first, pipeline and parallel', async () => {
    const none = managerOf<Fn>({});
    expect(catchSync(() => none.map(call, strict))).toBeInstanceOf(EmptyNamespaceError);
    expect(catchSync(() => none.first(call, strict))).toBeInstanceOf(EmptyNamespaceError);
    expect(catchSync(() => none.pipeline<string, string>('', step, strict))).toBeInstanceOf(
      EmptyNamespaceError,
    );
    await expect(none.parallel(call, strict)).rejects.toBeInstanceOf(EmptyNamespaceError);
  });
});

describe("onEmpty: 'error' with a plugin", () => {
  it('runs map, first, pipeline and parallel as usual', async () => {
    const one = managerOf<Fn>({ a: () => 'a' });
    expect(one.map(call, strict)).toMatchObject({ values: ['a'] });
    expect(one.first(call, strict)).toMatchObject({ found: true, value: 'a' });
    expect(one.pipeline<string, string>('>', step, strict)).toMatchObject({ value: '>a' });
    await expect(one.parallel(call, strict)).resolves.toMatchObject({ values: ['a'] });
  });
});
