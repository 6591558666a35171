import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertPluginPackage, checkPluginPackage } from './check-plugin-package.ts';
import { host, writeFixturePackages } from './test-packages.ts';

const fixtures = writeFixturePackages();
const { root, good } = fixtures;
afterAll(() => fixtures.remove());

describe('checkPluginPackage: a conforming package', () => {
  it('passes every step for every entry point, in pipeline order', async () => {
    const report = await checkPluginPackage({ packageDir: good, ...host });
    expect(report.ok).toBe(true);
    expect(report.packageName).toBe('good-plugins');
    expect(
      report.entryPoints.map((e) => [e.namespace, e.name, e.checks.map((c) => c.check)]),
    ).toEqual([
      ['meter.storage', 'memory', ['reference', 'resolve', 'import', 'integrate', 'contract']],
      ['meter.pollster', 'cpu', ['reference', 'resolve', 'import', 'integrate', 'contract']],
    ]);
    expect(report.entryPoints[0]?.checks[1]?.message).toBe('resolves to storage.js');
    expect(report.entryPoints[0]?.checks[3]?.message).toBe(
      'construct gave an instance of MemoryStorage',
    );
  });

  it('is what assertPluginPackage returns', async () => {
    await expect(assertPluginPackage({ packageDir: good, ...host })).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('checkPluginPackage: scope and package-level faults', () => {
  it('checks one namespace only when asked', async () => {
    const report = await checkPluginPackage({
      packageDir: good,
      namespace: 'meter.pollster',
      ...host,
    });
    expect(report.entryPoints.map((e) => e.name)).toEqual(['cpu']);
  });

  it('fails a namespace the package does not declare, suggesting the closest', async () => {
    const report = await checkPluginPackage({ packageDir: good, namespace: 'meter.storag' });
    expect(report.ok).toBe(false);
    expect(report.checks).toEqual([
      {
        check: 'namespace',
        stage: 'discovery',
        ok: false,
        message: 'declares no plugins in "meter.storag". Did you mean "meter.storage"?',
      },
    ]);
  });

  it('skips integration and contract when the host gives none', async () => {
    const report = await checkPluginPackage({ packageDir: good });
    expect(report.entryPoints[0]?.checks.map((c) => c.check)).toEqual([
      'reference',
      'resolve',
      'import',
    ]);
  });

  it('fails a folder without a readable package.json, or without the field', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const none = await checkPluginPackage({ packageDir: empty });
    expect(none.checks[0]).toMatchObject({ check: 'manifest', ok: false });
    const plain = fixtures.write('no-plugins', { manifest: {}, files: {} });
    const report = await checkPluginPackage({ packageDir: plain });
    expect(report.checks).toEqual([
      {
        check: 'entryPoints',
        stage: 'discovery',
        ok: false,
        message: 'package.json has no "entryPoints" field: it declares no plugins',
      },
    ]);
  });
});
