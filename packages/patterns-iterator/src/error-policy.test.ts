import {
  Extension,
  PluginCallError,
  PluginError,
  PluginImportError,
} from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { callOne } from './call-one.ts';
import { collectOrRaise, EmptyNamespaceError, type RunPolicy } from './error-policy.ts';

const policy = (onError: RunPolicy['onError'], method?: string): RunPolicy => ({
  namespace: 'meter.pollster',
  onError,
  onEmpty: 'empty',
  guard: method === undefined ? {} : { method },
  emptyError: () => new EmptyNamespaceError('plugin', [], { namespace: 'meter.pollster' }),
});

describe('callOne: what a plugin threw becomes its typed, recorded failure', () => {
  it('wraps the thrown value, names the method, and keeps the plugin enabled', () => {
    const extension = Extension.preloaded('meter.pollster', 'cpu', {});
    const cause = new Error('sensor gone');
    let error: PluginError | undefined;
    try {
      callOne(
        extension,
        extension.object,
        () => {
          throw cause;
        },
        policy('collect', 'poll'),
      );
    } catch (thrown) {
      error = thrown as PluginError;
    }
    expect(error).toBeInstanceOf(PluginCallError);
    expect(error?.message).toBe(
      '[meter.pollster:cpu] (invocation) call to poll() failed: sensor gone',
    );
    expect(error?.cause).toBe(cause);
    expect(extension.lastError).toBe(error);
    expect(extension.isEnabled).toBe(true);
  });
});

describe('collectOrRaise: the error policy', () => {
  const error = new PluginCallError({ namespace: 'n', name: 'p', cause: 'x' });

  it('keeps the error to collect', () => {
    const failures: PluginError[] = [];
    collectOrRaise(error, failures, policy('collect'));
    expect(failures).toEqual([error]);
  });

  it('throws it to raise', () => {
    expect(() => collectOrRaise(error, [], policy('raise'))).toThrow(error);
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
