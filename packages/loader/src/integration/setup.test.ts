import { describe, expect, it } from 'vitest';
import { PluginIntegrationError } from '../errors/kinds.ts';
import { createHookRegistry, type HookHost, type Registration } from './hook-registry.ts';
import { setup } from './setup.ts';

const who = { namespace: 'meter.hooks', name: 'extras' };

describe('setup: the two export shapes', () => {
  it('calls an exported setup(host) function; the registrations are the integrated object', () => {
    const registry = createHookRegistry();
    const plugin = (host: HookHost) => {
      host.register('format', () => 'x');
      host.register('command', () => 0);
    };
    const registrations = setup({ registry }).integrate(plugin, who);
    expect(Array.isArray(registrations)).toBe(true);
    expect((registrations as readonly Registration[]).map((r) => r.hook)).toEqual([
      'format',
      'command',
    ]);
    expect(registry.byPlugin('extras')).toHaveLength(2);
  });

  it('calls setup as a method of an exported object (this is the object)', () => {
    const registry = createHookRegistry();
    const plugin = {
      prefix: '>',
      setup(this: { prefix: string }, host: HookHost) {
        const prefix = this.prefix;
        host.register('format', (v: string) => `${prefix}${v}`);
      },
    };
    setup({ registry }).integrate(plugin, who);
    expect(registry.registered('format')[0]?.fn('a')).toBe('>a');
  });

  it('awaits an async setup before its hooks join the registry', async () => {
    const registry = createHookRegistry();
    const pending = setup({ registry }).integrate(async (host: HookHost) => {
      await Promise.resolve();
      host.register('format', () => '');
    }, who);
    expect(registry.registrations).toEqual([]);
    await expect(pending).resolves.toHaveLength(1);
    expect(registry.registrations).toHaveLength(1);
  });
});

describe('setup: failures', () => {
  it('refuses an export with no setup, saying what it got', () => {
    const integration = setup({ registry: createHookRegistry() });
    expect(() => integration.integrate({ start() {} }, who)).toThrow(
      'setup failed: expected a setup(host) function or an object with a setup method, got an object with keys start',
    );
    expect(() => integration.integrate(class Plugin {}, who)).toThrow('got class Plugin');
  });

  it('leaves nothing registered when setup throws halfway', () => {
    const registry = createHookRegistry();
    const attempt = () =>
      setup({ registry }).integrate((host: HookHost) => {
        host.register('format', () => '');
        throw new Error('missing config');
      }, who);
    expect(attempt).toThrow(PluginIntegrationError);
    expect(attempt).toThrow(
      '[meter.hooks:extras] (integration) setup(host) failed: missing config',
    );
    expect(registry.registrations).toEqual([]);
  });

  it('leaves nothing registered when an async setup rejects', async () => {
    const registry = createHookRegistry();
    const pending = setup({ registry }).integrate(async (host: HookHost) => {
      host.register('format', () => '');
      throw new Error('late failure');
    }, who);
    await expect(pending).rejects.toThrow('setup(host) failed: late failure');
    expect(registry.registrations).toEqual([]);
  });

  it('blames the plugin for an unknown hook name', () => {
    const registry = createHookRegistry({ hooks: ['format'] });
    expect(() =>
      setup({ registry }).integrate((host: HookHost) => host.register('fromat', () => ''), who),
    ).toThrow('setup(host) failed: unknown hook "fromat" (known: format). Did you mean "format"?');
  });
});
