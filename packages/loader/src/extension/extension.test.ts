import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  ContractViolationError,
  PluginCallError,
  PluginImportError,
  PluginUnavailableError,
} from '../errors/kinds.ts';
import { PluginError } from '../errors/plugin-error.ts';
import { fakeEntry } from '../testing/fakes.ts';
import { Extension } from './extension.ts';

const who = { namespace: 'test.ns', name: 'cpu' };

function extensionWith(steps: () => Promise<unknown>) {
  const loadSteps = vi.fn(steps);
  return { extension: new Extension(fakeEntry('cpu'), loadSteps), loadSteps };
}

describe('Extension: before loading', () => {
  it('is enabled but not ready, and refuses to hand out an object', () => {
    const { extension } = extensionWith(async () => ({}));
    expect(extension.state).toEqual({ status: 'enabled' });
    expect(extension.isEnabled).toBe(true);
    expect(extension.isReady).toBe(false);
    expect(() => extension.object).toThrow(PluginUnavailableError);
    expect(() => extension.object).toThrow('it has not been loaded yet (call load() first)');
  });

  it('resolves a deferred import target only when asked', () => {
    const target = vi.fn(() => ({ url: 'fake:cpu', exportName: 'default' }));
    const extension = new Extension({ ...fakeEntry('cpu'), target }, async () => ({}));
    expect(target).not.toHaveBeenCalled();
    expect(extension.target).toEqual({ url: 'fake:cpu', exportName: 'default' });
  });
});

describe('Extension: load', () => {
  it('runs the load steps once, and concurrent callers share the attempt', async () => {
    const plugin = { poll: () => [1] };
    const { extension, loadSteps } = extensionWith(async () => plugin);
    const [a, b] = await Promise.all([extension.load(), extension.load()]);
    await extension.load();
    expect(loadSteps).toHaveBeenCalledTimes(1);
    expect(a).toBe(plugin);
    expect(b).toBe(plugin);
    expect(extension.object).toBe(plugin);
    expect(extension.isReady).toBe(true);
  });

  it('records a failure with its stage, and repeats it without loading again', async () => {
    const error = new ContractViolationError(
      'convention',
      [{ path: 'poll', message: 'missing' }],
      who,
    );
    const { extension, loadSteps } = extensionWith(async () => Promise.reject(error));
    await expect(extension.load()).rejects.toBe(error);
    await expect(extension.load()).rejects.toBe(error);
    expect(loadSteps).toHaveBeenCalledTimes(1);
    expect(extension.state).toEqual({ status: 'failed', stage: 'enforcement', error });
    expect(extension.isReady).toBe(false);
  });

  it('wraps a thrown value that is not a PluginError, naming the plugin', async () => {
    const { extension } = extensionWith(async () => Promise.reject('boom'));
    const error = await extension.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).message).toBe(
      '[test.ns:cpu] (import) failed while loading: boom',
    );
  });

  it('refuses to load a disabled extension, giving the reason', async () => {
    const { extension, loadSteps } = extensionWith(async () => ({}));
    extension.disable('deny-list', 'in the deny list');
    await expect(extension.load()).rejects.toThrow('disabled by deny-list: in the deny list');
    expect(loadSteps).not.toHaveBeenCalled();
  });
});

describe('Extension: state transitions', () => {
  it('keeps the first reason when disabled twice', () => {
    const { extension } = extensionWith(async () => ({}));
    extension.disable('deny-list', 'in the deny list');
    extension.disable('allow-list', 'not in the allow list');
    expect(extension.state).toEqual({
      status: 'disabled',
      by: 'deny-list',
      reason: 'in the deny list',
    });
    expect(extension.history.map((h) => h.by)).toEqual(['deny-list', 'allow-list']);
  });

  it('lets a loading failure decide the state, the first one winning', () => {
    const { extension } = extensionWith(async () => ({}));
    const first = new PluginImportError('./cpu', { ...who, cause: 'gone' });
    extension.fail(first);
    extension.fail(new PluginImportError('./cpu', { ...who, cause: 'again' }));
    expect(extension.state).toMatchObject({ status: 'failed', stage: 'import', error: first });
  });

  it('does not change state for a failed call, but keeps it as lastError', async () => {
    const extension = Extension.preloaded('test.ns', 'cpu', {});
    const error = new PluginCallError({ ...who, cause: 'once', method: 'poll' });
    extension.fail(error);
    expect(extension.state.status).toBe('enabled');
    expect(extension.isReady).toBe(true);
    expect(extension.lastError).toBe(error);
  });

  it('makes a loaded extension unready when it is disabled afterwards', async () => {
    const { extension } = extensionWith(async () => ({}));
    await extension.load();
    extension.disable('operator', 'switched off', 'invocation');
    expect(extension.isReady).toBe(false);
    expect(extension.history.at(-1)).toEqual({
      stage: 'invocation',
      by: 'operator',
      outcome: 'disabled',
      detail: 'switched off',
    });
  });
});

describe('Extension: history', () => {
  it('tells the story in order', () => {
    const { extension } = extensionWith(async () => ({}));
    extension.pass('discovery', 'fake-scan', 'declared');
    extension.pass('enabling', 'allow-list', 'kept');
    extension.fail(new PluginImportError('./cpu', { ...who, cause: 'gone' }));
    expect(extension.history.map((h) => `${h.stage}:${h.outcome}`)).toEqual([
      'discovery:passed',
      'enabling:passed',
      'import:failed',
    ]);
  });

  it('stays bounded under endless call failures, keeping the loading story', () => {
    const extension = Extension.preloaded('test.ns', 'cpu', {});
    for (let i = 0; i < 200; i++) {
      extension.fail(new PluginCallError({ ...who, cause: `call ${i}` }));
    }
    expect(extension.history.length).toBe(50);
    expect(extension.history[0]).toMatchObject({ stage: 'integration', by: 'in-memory' });
    expect(extension.history.at(-1)?.detail).toContain('call 199');
  });
});

describe('Extension: preloaded and toJSON', () => {
  it('is ready at once, from memory', async () => {
    const plugin = { poll: () => [] };
    const extension = Extension.preloaded('test.ns', 'cpu', plugin);
    expect(extension.isReady).toBe(true);
    await expect(extension.load()).resolves.toBe(plugin);
    expect(extension.toJSON()).toMatchObject({ source: 'in-memory', loaded: true });
  });

  it('reports state, reason and stage as plain JSON', async () => {
    const { extension } = extensionWith(async () =>
      Promise.reject(new PluginImportError('./cpu:default', { ...who, cause: new Error('gone') })),
    );
    await extension.load().catch(() => {});
    const report = JSON.parse(JSON.stringify(extension));
    expect(report).toEqual({
      namespace: 'test.ns',
      name: 'cpu',
      reference: './cpu:default',
      source: 'fake-plugins@1.0.0',
      status: 'failed',
      loaded: false,
      reason: '[test.ns:cpu] (import) could not import "./cpu:default": gone',
      detail: 'could not import "./cpu:default": gone',
      stage: 'import',
      lastError: '[test.ns:cpu] (import) could not import "./cpu:default": gone',
      history: [expect.objectContaining({ stage: 'import', outcome: 'failed' })],
    });
  });
});

describe('Extension: types', () => {
  it('is covariant: a typed extension passes where Extension<unknown> is expected', () => {
    expectTypeOf<Extension<{ poll(): number[] }>>().toExtend<Extension<unknown>>();
    expectTypeOf(Extension.preloaded('ns', 'n', 42).object).toEqualTypeOf<number>();
  });
});
