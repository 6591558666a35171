import { afterAll, describe, expect, it } from 'vitest';
import { assertPluginPackage, checkPluginPackage } from './check-plugin-package.ts';
import { PluginConformanceError } from './conformance-report.ts';
import { host, writeFixturePackages } from './test-packages.ts';

const fixtures = writeFixturePackages();
const { bad } = fixtures;
afterAll(() => fixtures.remove());

describe('checkPluginPackage: a package with every kind of fault', () => {
  it('stops each entry point at its first failed step, with the stage and the reason', async () => {
    const report = await checkPluginPackage({ packageDir: bad, ...host });
    expect(report.ok).toBe(false);
    const lastChecks = Object.fromEntries(
      report.entryPoints.map((e) => {
        const last = e.checks.at(-1);
        return [e.name, [last?.check, last?.stage, last?.ok]];
      }),
    );
    expect(lastChecks).toEqual({
      escapes: ['reference', 'discovery', false],
      unexported: ['resolve', 'import', false],
      explodes: ['import', 'import', false],
      'missing-export': ['import', 'import', false],
      'throws-in-constructor': ['integrate', 'integration', false],
      'wrong-shape': ['contract', 'enforcement', false],
      'linked-outside': ['resolve', 'discovery', false],
    });
    const message = (name: string) =>
      report.entryPoints.find((e) => e.name === name)?.checks.at(-1)?.message;
    expect(message('escapes')).toContain('it climbs out of the package');
    expect(message('explodes')).toContain('module init failed');
    expect(message('missing-export')).toContain('the module has no export "Nope"');
    expect(message('throws-in-constructor')).toBe('new Broken() failed: cannot open the store');
    expect(message('wrong-shape')).toBe(
      'does not meet the StorageDriver contract: query: missing (expected a function); close: missing (expected a function)',
    );
    expect(message('linked-outside')).toContain('outside the package folder');
  });

  it('reports a malformed part of the field at the package level', async () => {
    const report = await checkPluginPackage({ packageDir: bad, ...host });
    expect(report.checks).toEqual([
      expect.objectContaining({ check: 'entryPoints', stage: 'discovery', ok: false }),
    ]);
    expect(report.checks[0]?.message).toContain('"meter.pollster"');
  });

  it('throws one error listing every failure from assertPluginPackage', async () => {
    const error = await assertPluginPackage({ packageDir: bad, ...host }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginConformanceError);
    const conformance = error as PluginConformanceError;
    expect(conformance.errors).toHaveLength(8);
    expect(conformance.message).toMatch(/^bad-plugins fails 8 conformance checks:\n/);
    expect(conformance.message).toContain(
      '  - [meter.storage:throws-in-constructor] (integration) integrate: new Broken() failed: cannot open the store',
    );
  });
});

describe('checkPluginPackage: an import that throws something hostile', () => {
  it('reports a revoked proxy as the failed import instead of rejecting', async () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const report = await checkPluginPackage({
      packageDir: fixtures.good,
      ...host,
      importer: () => {
        throw revoked.proxy;
      },
    });
    expect(report.ok).toBe(false);
    const last = report.entryPoints[0]?.checks.at(-1);
    expect(last).toMatchObject({ check: 'import', stage: 'import', ok: false });
    expect(last?.message).toMatch(/^non-Error value/);
  });
});
