import { ExtensionSet } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { EmptyNamespaceError } from './error-policy.ts';
import { HookManager } from './hook-manager.ts';
import { catchSync } from './test-plugins.ts';

type Hook = (event: string) => string;

/** Three packages each provide `startup`; one provides `shutdown`. */
const set = () =>
  ExtensionSet.fromObjects<Hook>('app.hooks', [
    ['startup', (e) => `audit saw ${e}`],
    ['shutdown', (e) => `flush on ${e}`],
    ['startup', (e) => `metrics saw ${e}`],
    ['startup', (e) => `cache saw ${e}`],
  ]);

describe('HookManager: every plugin registered under one name', () => {
  it('calls all of them, in discovery order, and no other name', () => {
    const startup = new HookManager(set(), 'startup');
    expect(startup.names()).toEqual(['startup', 'startup', 'startup']);
    expect(startup.map((hook) => hook('boot')).values).toEqual([
      'audit saw boot',
      'metrics saw boot',
      'cache saw boot',
    ]);
  });

  it('shares the call modes: a pipeline through the hooks of one name', () => {
    const hooks = ExtensionSet.fromObjects<Hook>('app.hooks', [
      ['render', (t) => t.trim()],
      ['other', () => 'never'],
      ['render', (t) => t.toUpperCase()],
    ]);
    expect(new HookManager(hooks, 'render').pipeline(' hi ', (h, t) => h(t)).value).toBe('HI');
  });

  it('collects a failing hook and still calls the others', () => {
    const hooks = ExtensionSet.fromObjects<Hook>('app.hooks', [
      [
        'startup',
        () => {
          throw new Error('audit down');
        },
      ],
      ['startup', (e) => `metrics saw ${e}`],
    ]);
    const result = new HookManager(hooks, 'startup').map((hook) => hook('boot'));
    expect(result.values).toEqual(['metrics saw boot']);
    expect(result.failures[0]?.message).toContain('[app.hooks:startup] (invocation) call failed');
  });

  it('disables by name only the hooks of its own name', () => {
    const hooks = set();
    const startup = new HookManager(hooks, 'startup');
    startup.names();
    expect(startup.disable('shutdown', 'host', 'not mine')).toBe(false);
    expect(hooks.named('shutdown')[0]?.isEnabled).toBe(true);
    expect(startup.disable('startup', 'host', 'maintenance')).toBe(true);
    expect(startup.names()).toEqual([]);
  });
});

describe('HookManager: a name nobody registered', () => {
  it('gives the empty result, or a typed error naming the hook', () => {
    const none = new HookManager(set(), 'reload');
    expect(none.map((hook) => hook('x')).values).toEqual([]);
    const error = catchSync(() => none.map((hook) => hook('x'), { onEmpty: 'error' }));
    expect(error).toBeInstanceOf(EmptyNamespaceError);
    expect((error as Error).message).toBe(
      '[app.hooks] (enabling) no enabled plugin named "reload" to call (none was found)',
    );
  });
});
