import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SyncContract } from './contract.ts';
import { convention } from './convention.ts';

interface NotificationHandler {
  readonly eventTypes: readonly string[];
  readonly name: string;
  process(notification: unknown): void;
  describe?(): string;
}

const handlerContract = convention<NotificationHandler>({
  name: 'NotificationHandler',
  members: { eventTypes: 'array', name: 'string', process: 'function', describe: 'function?' },
});

describe('convention: accepting', () => {
  it('accepts any object with the members, and hands back the same object', () => {
    const plugin = { eventTypes: ['compute.*'], name: 'compute', process() {} };
    expect(handlerContract.check(plugin)).toEqual({ ok: true, value: plugin });
  });

  it('finds methods on the prototype of a class instance', () => {
    class Handler {
      eventTypes = ['volume.*'];
      name = 'volume';
      process(): void {}
    }
    expect(handlerContract.check(new Handler())).toMatchObject({ ok: true });
  });

  it('checks an optional member only when it is there', () => {
    const plugin = { eventTypes: [], name: 'x', process() {}, describe: 'nope' };
    expect(handlerContract.check(plugin)).toEqual({
      ok: false,
      issues: [{ path: 'describe', message: 'expected a function, got a string "nope"' }],
    });
  });
});

describe('convention: refusing', () => {
  it('lists every missing or wrong member, with what was expected and what came', () => {
    const result = handlerContract.check({ eventTypes: 'compute.*', process: 42 });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'eventTypes', message: 'expected an array, got a string "compute.*"' },
        { path: 'name', message: 'missing (expected a string)' },
        { path: 'process', message: 'expected a function, got the number 42' },
      ],
    });
  });

  it('refuses a value that is not an object at all', () => {
    expect(handlerContract.check(undefined)).toEqual({
      ok: false,
      issues: [{ path: '', message: 'expected an object, got undefined' }],
    });
  });

  it('reports a getter that throws as an issue, not a crash', () => {
    const plugin = {
      eventTypes: [],
      process() {},
      get name(): string {
        throw new Error('not configured');
      },
    };
    expect(handlerContract.check(plugin)).toEqual({
      ok: false,
      issues: [{ path: 'name', message: 'reading it threw: not configured' }],
    });
  });
});

describe('convention: nested members and kinds', () => {
  const contract = convention({
    members: { options: { url: 'string', retries: 'number?' }, tags: 'object', id: 'present' },
  });

  it('checks members of a member, with dotted paths', () => {
    expect(contract.check({ options: { retries: 'x' }, tags: [], id: null })).toEqual({
      ok: false,
      issues: [
        { path: 'options.url', message: 'missing (expected a string)' },
        { path: 'options.retries', message: 'expected a number, got a string "x"' },
        { path: 'tags', message: 'expected an object, got an array of 0' },
        { path: 'id', message: 'expected a value, got null' },
      ],
    });
  });

  it('refuses a nested member that is not an object', () => {
    expect(contract.check({ options: 'memory:', tags: {}, id: 1 })).toMatchObject({
      issues: [{ path: 'options', message: 'expected an object, got a string "memory:"' }],
    });
  });

  it('is named convention unless told otherwise', () => {
    expect(contract.name).toBe('convention');
    expect(handlerContract.name).toBe('NotificationHandler');
  });
});

describe('convention: types', () => {
  it('is a Contract of the type the host names, whose members it knows', () => {
    expectTypeOf(handlerContract).toEqualTypeOf<SyncContract<NotificationHandler>>();
    // @ts-expect-error `proces` is not a member of NotificationHandler
    convention<NotificationHandler>({ members: { proces: 'function' } });
    // @ts-expect-error `callable` is not a kind
    convention<NotificationHandler>({ members: { process: 'callable' } });
    // @ts-expect-error `strng` is not a kind either
    convention<NotificationHandler>({ members: { name: 'strng' } });
  });
});
