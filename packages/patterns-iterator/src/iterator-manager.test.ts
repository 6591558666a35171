import {
  construct,
  ExtensionSet,
  PluginUnavailableError,
  packageScan,
  selfCheck,
} from '@plugin-patterns/loader';
import { POLLSTER_NAMESPACE, type Pollster } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { IteratorManager } from './iterator-manager.ts';
import { catchSync, managerOf, sync } from './test-plugins.ts';

const PACKAGE_ROOT = new URL('..', import.meta.url).pathname;

/** The sample pollsters, found the way a host finds them: a scan of installed packages. */
function discoveredPollsters(): ExtensionSet<Pollster> {
  return ExtensionSet.discover<Pollster>({
    namespace: POLLSTER_NAMESPACE,
    sources: [packageScan({ cwd: PACKAGE_ROOT, include: ['devDependencies'], cache: false })],
    policies: [selfCheck()],
    integration: construct(),
  });
}

describe('IteratorManager.load: from discovery to a plan', () => {
  it('loads every enabled plugin, then plans them in discovery order', async () => {
    const manager = await new IteratorManager(discoveredPollsters()).load();
    const names = manager.names();
    expect(names).toEqual(expect.arrayContaining(['cpu', 'memory', 'disk', 'network']));
    expect(names.indexOf('cpu')).toBeLessThan(names.indexOf('memory'));
    const result = await manager.map((pollster) => pollster.poll(), { method: 'poll' });
    expect(result.from.map((e) => e.name)).toEqual(names);
    for (const samples of result.values) expect(Array.isArray(samples)).toBe(true);
  });

  it('leaves out a plugin whose self-check said no, keeping its reason on the record', async () => {
    const set = discoveredPollsters();
    const manager = await new IteratorManager(set).load();
    for (const extension of set.extensions) {
      const planned = manager.names().includes(extension.name);
      // Which pollsters are absent depends on the machine; the rule does not.
      expect(planned).toBe(extension.state.status === 'enabled');
      if (!planned) expect(extension.toJSON().reason).toMatch(/^disabled by self-check: /);
    }
  });

  it('refuses to plan while an enabled plugin is not loaded yet', () => {
    const manager = new IteratorManager(discoveredPollsters());
    const error = catchSync(() => manager.map((p) => p.poll()));
    expect(error).toBeInstanceOf(PluginUnavailableError);
    expect((error as Error).message).toContain('not been loaded yet');
  });
});

describe('IteratorManager: the plan is a snapshot', () => {
  it('drops a plugin disabled through the manager at once', () => {
    const manager = managerOf<() => string>({ a: () => 'a', b: () => 'b' });
    expect(manager.map((f) => f()).values).toEqual(['a', 'b']);
    expect(manager.disable('a', 'host', 'maintenance')).toBe(true);
    expect(manager.map((f) => f()).values).toEqual(['b']);
    expect(manager.set.named('a')[0]?.toJSON().reason).toBe('disabled by host: maintenance');
  });

  it('drops a plugin disabled through its record at the next refresh()', () => {
    const manager = managerOf<() => string>({ a: () => 'a', b: () => 'b' });
    manager.names();
    manager.set.named('b')[0]?.disable('elsewhere', 'turned off');
    manager.refresh();
    expect(manager.names()).toEqual(['a']);
  });

  it('answers false when disabling a name it does not have', () => {
    expect(managerOf<() => string>({ a: () => 'a' }).disable('zzz', 'host', 'x')).toBe(false);
  });
});

describe('IteratorManager: defaults and per-call options', () => {
  it('uses the manager defaults unless a call overrides them', () => {
    const throws = () => {
      throw new Error('bad');
    };
    const manager = managerOf<() => unknown>({ a: throws }, { onError: 'raise' });
    expect(() => manager.map((f) => f())).toThrow('bad');
    expect(sync(manager.map((f) => f(), { onError: 'collect' })).failures).toHaveLength(1);
  });
});
