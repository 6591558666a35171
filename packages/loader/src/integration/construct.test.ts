import { describe, expect, expectTypeOf, it } from 'vitest';
import { PluginIntegrationError } from '../errors/kinds.ts';
import { construct } from './construct.ts';
import type { Integration } from './integration.ts';

const who = { namespace: 'meter.storage', name: 'memory' };

class MemoryStorage {
  readonly url: string;
  constructor(options: { url: string }) {
    this.url = options.url;
  }
}

describe('construct: building', () => {
  it('constructs a class with the host-given arguments', () => {
    const built = construct<MemoryStorage>({ args: [{ url: 'memory:' }] }).integrate(
      MemoryStorage,
      who,
    );
    expect(built).toBeInstanceOf(MemoryStorage);
    expect((built as MemoryStorage).url).toBe('memory:');
  });

  it('computes arguments from the plugin identity', () => {
    const integration = construct<MemoryStorage>({
      args: ({ namespace, name }) => [{ url: `${name}://${namespace}` }],
    });
    expect((integration.integrate(MemoryStorage, who) as MemoryStorage).url).toBe(
      'memory://meter.storage',
    );
  });

  it('calls a factory, and keeps a sync result sync', () => {
    const built = construct({ args: [2] }).integrate((n: number) => ({ n }), who);
    expect(built).toEqual({ n: 2 });
  });

  it('awaits an async factory', async () => {
    const built = construct({ args: [3] }).integrate(async (n: number) => ({ n }), who);
    expect(built).toBeInstanceOf(Promise);
    await expect(built).resolves.toEqual({ n: 3 });
  });
});

describe('construct: failures', () => {
  it('refuses an export that is not a function, saying what it got', () => {
    const attempt = () => construct().integrate({ write() {} }, who);
    expect(attempt).toThrow(PluginIntegrationError);
    expect(attempt).toThrow(
      '[meter.storage:memory] (integration) construct failed: expected a class or a factory function to build the plugin, got an object with keys write',
    );
  });

  it('wraps a throwing constructor, naming the class and keeping the cause', () => {
    const cause = new Error('no such directory');
    class Broken {
      constructor() {
        throw cause;
      }
    }
    const error = catchError(() => construct().integrate(Broken, who));
    expect(error).toBeInstanceOf(PluginIntegrationError);
    expect(error).toMatchObject({ stage: 'integration', plugin: 'memory', cause });
    expect(error?.message).toContain('new Broken() failed: no such directory');
  });

  it('wraps a rejecting factory', async () => {
    const make = async () => {
      throw new Error('connection refused');
    };
    await expect(construct().integrate(make, who)).rejects.toThrow(
      'make() failed: connection refused',
    );
  });

  it('refuses a factory that returns nothing', () => {
    const attempt = () => construct().integrate(function make() {}, who);
    expect(attempt).toThrow('make() failed: it returned undefined instead of the plugin');
  });
});

describe('construct: types', () => {
  it('is an Integration of the type the host names', () => {
    expectTypeOf(construct<MemoryStorage>()).toEqualTypeOf<Integration<MemoryStorage>>();
    expect(construct().name).toBe('construct');
  });
});

function catchError(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}
