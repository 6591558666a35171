import {
  Extension,
  PluginCallError,
  PluginError,
  PluginImportError,
  PluginTimeoutError,
} from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { contain, EmptyNamespaceError, type RunPolicy } from './error-policy.ts';

const policy = (onError: RunPolicy['onError'], method?: string): RunPolicy => ({
  namespace: 'meter.pollster',
  onError,
  onEmpty: 'empty',
  guard: method === undefined ? {} : { method },
  emptyError: () => new EmptyNamespaceError('plugin', [], { namespace: 'meter.pollster' }),
});

describe('contain: what a plugin threw becomes its typed, recorded failure', () => {
  it('wraps the thrown value, names the method, and keeps the plugin enabled', () => {
    const extension = Extension.preloaded('meter.pollster', 'cpu', {});
    const cause = new Error('sensor gone');
    const failures: PluginError[] = [];
    contain(extension, cause, failures, policy('collect', 'poll'));
    const error = failures[0];
    expect(error).toBeInstanceOf(PluginCallError);
    expect(error?.message).toBe(
      '[meter.pollster:cpu] (invocation) call to poll() failed: sensor gone',
    );
    expect(error?.cause).toBe(cause);
    expect(extension.lastError).toBe(error);
    expect(extension.isEnabled).toBe(true);
  });

  it('passes a failure already recorded on the plugin (a timeout) as it is', () => {
    const extension = Extension.preloaded('meter.pollster', 'cpu', {});
    const timeout = new PluginTimeoutError(50, { namespace: 'meter.pollster', name: 'cpu' });
    extension.fail(timeout);
    const failures: PluginError[] = [];
    contain(extension, timeout, failures, policy('collect'));
    expect(failures).toEqual([timeout]);
  });

  it('throws it to raise, recorded all the same', () => {
    const extension = Extension.preloaded('meter.pollster', 'cpu', {});
    const failures: PluginError[] = [];
    expect(() => contain(extension, 'offline', failures, policy('raise'))).toThrow(PluginCallError);
    expect(failures).toEqual([]);
    expect(extension.lastError).toBeInstanceOf(PluginCallError);
  });
});

describe('EmptyNamespaceError: why nothing ran', () => {
  it('says, per plugin found, why it is not running', () => {
    const disabled = Extension.preloaded('meter.pollster', 'gpu', {});
    disabled.disable('self-check', 'no GPU');
    const failed = Extension.preloaded('meter.pollster', 'disk', {});
    failed.fail(
      new PluginImportError('./disk', { namespace: 'meter.pollster', name: 'disk', cause: 'gone' }),
    );
    const error = new EmptyNamespaceError('plugin', [disabled, failed], {
      namespace: 'meter.pollster',
    });
    expect(error).toBeInstanceOf(PluginError);
    expect(error.stage).toBe('enabling');
    expect(error.reasons).toEqual(['gpu disabled by self-check: no GPU', 'disk failed at import']);
    expect(error.message).toBe(
      '[meter.pollster] (enabling) no enabled plugin to call (found 2: gpu disabled by self-check: no GPU; disk failed at import)',
    );
  });
});
