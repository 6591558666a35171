/**
 * The loader's guard against values that fight back. A plugin can throw (or
 * reject with, or return) something that is not an Error and cannot be
 * described the usual way: no message, a frozen object, a `toString` that
 * throws, a `then` getter that throws, a revoked proxy on which even
 * `instanceof` throws. Whatever it is, the host gets a typed PluginError that
 * names the plugin, and no second error replaces the first — in particular no
 * unhandled rejection, which would take the whole host process down.
 */
import { describe, expect, it } from 'vitest';
import {
  Extension,
  ExtensionSet,
  type Integration,
  PluginCallError,
  type PluginError,
  PluginIntegrationError,
  PluginResultError,
} from '../src/index.ts';
import {
  callPlugin,
  checkResult,
  describeThrown,
  describeValue,
  invoke,
} from '../src/invocation/index.ts';
import { HOSTILE_VALUES } from './support/hostile-values.ts';

interface Poller {
  poll(): unknown;
}

const NAMESPACE = 'meter.pollster';

function plugin(name: string, poll: () => unknown): Extension<Poller> {
  return Extension.preloaded<Poller>(NAMESPACE, name, { poll });
}

/** Values that are hostile when *returned*: reading `then` on them throws. */
const HOSTILE_ANSWERS: readonly { label: string; make: () => unknown }[] = [
  {
    label: 'revoked proxy',
    make: () => HOSTILE_VALUES.find((v) => v.label === 'revoked-proxy')?.make(),
  },
  {
    label: 'then getter that throws',
    make: () => ({
      // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the point
      get then(): never {
        throw new Error('lab: then refuses');
      },
    }),
  },
];

function expectBlamed(
  error: unknown,
  name: string,
  kind: abstract new (...args: never[]) => PluginError,
): void {
  expect(error).toBeInstanceOf(kind);
  expect(error).toMatchObject({ namespace: NAMESPACE, plugin: name, stage: 'invocation' });
}

describe('describeThrown: never throws, always says something', () => {
  it.each(HOSTILE_VALUES.map((v) => [v.label, v] as const))('%s', (_, value) => {
    expect(describeThrown(value.make())).toContain(value.shows);
  });

  it('an Error whose message getter throws', () => {
    const error = new Error('hidden');
    Object.defineProperty(error, 'message', {
      get(): never {
        throw new Error('no');
      },
    });
    expect(describeThrown(error)).toBe('an Error whose message cannot be read');
  });

  it('a symbol, a bigint, a function, an object whose toJSON throws', () => {
    expect(describeThrown(Symbol('lab'))).toBe('non-Error value Symbol(lab)');
    expect(describeThrown(10n)).toBe('non-Error value [object BigInt]');
    expect(describeThrown(() => 1)).toContain('non-Error value');
    const toJSON = (): never => {
      throw new Error('no');
    };
    expect(describeThrown({ toJSON })).toBe('non-Error value [object Object]');
  });
});

describe('describeValue: never throws', () => {
  it.each(HOSTILE_ANSWERS.map((v) => [v.label, v] as const))('%s', (_, value) => {
    expect(typeof describeValue(value.make())).toBe('string');
  });

  it('a function whose name getter throws', () => {
    const fn = (): void => {};
    Object.defineProperty(fn, 'name', {
      get(): never {
        throw new Error('no');
      },
    });
    expect(describeValue(fn)).toBe('an unreadable function');
  });
});

describe.each(HOSTILE_VALUES.map((v) => [v.label, v] as const))(
  'a plugin that throws %s',
  (_, value) => {
    it('invoke: a PluginCallError naming the plugin, recorded', () => {
      const extension = plugin('thrower', () => {
        throw value.make();
      });
      const caught = thrown(() => invoke(extension, 'poll'));
      expectBlamed(caught, 'thrower', PluginCallError);
      expect((caught as Error).message).toContain(`call to poll() failed: ${value.shows}`);
      expect(extension.lastError).toBe(caught);
    });

    it('callPlugin, rejecting: a PluginCallError, and no unhandled rejection', async () => {
      const extension = plugin('rejecter', () => Promise.reject(value.make()));
      const caught = await (
        callPlugin(extension, (p) => p.poll(), {
          method: 'poll',
          timeoutMs: 10_000,
        }) as Promise<void>
      ).catch((error: unknown) => error);
      expectBlamed(caught, 'rejecter', PluginCallError);
      expect((caught as Error).message).toContain(`call to poll() failed: ${value.shows}`);
      expect(extension.toJSON().lastError).toContain(value.shows);
    });

    it('in its integration: a PluginIntegrationError at the integration stage', async () => {
      const throwing: Integration<Poller> = {
        name: 'lab-integration',
        integrate() {
          throw value.make();
        },
      };
      const set = ExtensionSet.discover<Poller>({
        namespace: NAMESPACE,
        sources: [{ kind: 'lab', discover: () => ({ entryPoints: [entry()], problems: [] }) }],
        integration: throwing,
        importer: async () => ({ poll: () => [] }),
      });
      const error = await set.load('lab').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PluginIntegrationError);
      expect(error).toMatchObject({ namespace: NAMESPACE, plugin: 'lab', stage: 'integration' });
      expect(set.report()[0]).toMatchObject({ status: 'failed', stage: 'integration' });
    });
  },
);

describe.each(HOSTILE_ANSWERS.map((v) => [v.label, v] as const))(
  'a plugin that returns a %s',
  (_, value) => {
    it('invoke: a PluginCallError, not a raw TypeError', () => {
      const extension = plugin('answerer', value.make);
      const caught = thrown(() => invoke(extension, 'poll'));
      expectBlamed(caught, 'answerer', PluginCallError);
    });

    it('callPlugin: a PluginCallError, not a raw TypeError', () => {
      const extension = plugin('answerer', value.make);
      const caught = thrown(() => callPlugin(extension, (p) => p.poll(), { method: 'poll' }));
      expectBlamed(caught, 'answerer', PluginCallError);
    });

    it('checkResult: a PluginResultError, even when the check itself trips over it', () => {
      const extension = plugin('answerer', value.make);
      const caught = thrown(() =>
        checkResult(extension, value.make(), (v) => Array.isArray(v), 'Sample[]', {
          method: 'poll',
        }),
      );
      expectBlamed(caught, 'answerer', PluginResultError);
      expect(extension.lastError).toBe(caught);
    });
  },
);

/** What `run` threw (undefined if it returned). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function entry() {
  return {
    namespace: NAMESPACE,
    name: 'lab',
    reference: 'lab:Plugin',
    source: { kind: 'object', via: 'in-memory' } as const,
    target: { url: 'about:blank', exportName: 'Plugin' },
  };
}
