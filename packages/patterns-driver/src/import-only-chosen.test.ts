/**
 * The driver pattern's promise, checked on real modules: the manager reads
 * every declaration but evaluates only the chosen driver's module. Each
 * fixture module records its own evaluation, so a module the manager imported
 * "just to look" would show up here.
 *
 * This file holds one test on purpose: modules are evaluated once per test
 * file, so the record is exact only for the first load.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DriverManager } from './driver-manager.ts';
import { evaluatedFixtures, installedSource, removeInstalledHosts } from './test-fixtures.ts';

afterAll(removeInstalledHosts);

describe('DriverManager imports only the chosen plugin', () => {
  it('evaluates the chosen module and none of the six others of the namespace', async () => {
    expect(evaluatedFixtures()).toEqual([]);
    const manager = await DriverManager.load({
      namespace: 'meter.storage',
      sources: [installedSource('fast-drivers', 'rival-drivers')],
      url: 'sqlite:///var/lib/meter.db',
      args: [{ url: 'sqlite:///var/lib/meter.db' }],
    });
    expect(manager.extensions.extensions).toHaveLength(7);
    expect(evaluatedFixtures()).toEqual(['rival-drivers/sqlite']);
  });
});
