/**
 * "Installing is activating": a third party's package (@acme/meter-uptime,
 * outside the sample plugins) joins a host only by being one of the host's
 * declared dependencies. Being present on disk is not enough.
 */
import { join } from 'node:path';
import { construct, ExtensionSet, packageScan } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../test-fixtures/temp-tree.ts';

const acmeFolder = join(import.meta.dirname, '../../acme-uptime');

/** A host folder with @acme/meter-uptime installed (linked), declared or not. */
function hostWithAcmeInstalled(declared: boolean): string {
  const dependencies = declared ? { '@acme/meter-uptime': '^1.0.0' } : {};
  return tempTree(
    { 'package.json': { name: 'host', dependencies } },
    { 'node_modules/@acme/meter-uptime': acmeFolder },
  );
}

describe('a third-party plugin package', () => {
  it('is found, with its provenance, once the host declares it', () => {
    const scan = packageScan({ cwd: hostWithAcmeInstalled(true), cache: false });
    const [uptime, ...others] = scan.discover('meter.pollster').entryPoints;
    expect(others).toEqual([]);
    expect(uptime?.name).toBe('uptime');
    expect(uptime?.reference).toBe('.:UptimePollster');
    expect(uptime?.source).toMatchObject({
      kind: 'package',
      packageName: '@acme/meter-uptime',
      version: '1.0.0',
      via: 'package-scan',
    });
  });

  it('is not found when it is on disk but not declared', () => {
    const scan = packageScan({ cwd: hostWithAcmeInstalled(false), cache: false });
    expect(scan.discover().entryPoints).toEqual([]);
  });

  it('loads and polls like any other pollster', async () => {
    const set = ExtensionSet.discover<{ poll(): { meter: string }[] }>({
      namespace: 'meter.pollster',
      sources: [packageScan({ cwd: hostWithAcmeInstalled(true), cache: false })],
      integration: construct(),
    });
    const pollster = await set.load('uptime');
    expect(pollster.poll().map((s) => s.meter)).toEqual(['uptime']);
  });
});
