/**
 * A driver chosen by a bad URL or a bad name is refused before anything is
 * discovered, and the error names the namespace the driver was wanted for,
 * whether the host gave the namespace as a string or as a defined namespace.
 */
import { defineNamespace } from '@plugin-patterns/loader';
import type { StorageDriver } from '@plugin-patterns/meter-contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { DriverManager } from './driver-manager.ts';
import { InvalidDriverUrlError } from './driver-url.ts';
import { installedSource, removeInstalledHosts } from './test-fixtures.ts';

afterAll(removeInstalledHosts);

const namespace = 'meter.storage';
const fast = installedSource('fast-drivers');

describe('DriverManager.load: a malformed URL', () => {
  it('names the namespace given as a string', async () => {
    const failing = DriverManager.load({ namespace, sources: [fast], url: 'var/lib/meter.db' });
    await expect(failing).rejects.toThrow(InvalidDriverUrlError);
    await expect(failing).rejects.toMatchObject({ namespace: 'meter.storage' });
  });

  it('names the namespace given as a defined namespace', async () => {
    const storage = defineNamespace<StorageDriver>(namespace);
    const failing = DriverManager.load({
      namespace: storage,
      sources: [fast],
      url: 'var/lib/meter.db',
    });
    await expect(failing).rejects.toMatchObject({ namespace: 'meter.storage' });
  });
});

describe('DriverManager.load: a name that is not a non-empty string', () => {
  it('is a TypeError naming the namespace', async () => {
    for (const name of ['', 42 as unknown as string]) {
      const failing = DriverManager.load({ namespace, sources: [fast], name });
      await expect(failing).rejects.toThrow(
        new TypeError("the meter.storage driver's name must be a non-empty string"),
      );
    }
  });
});
