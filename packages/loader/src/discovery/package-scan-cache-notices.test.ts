import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acme,
  meter,
  useProject as project,
  scanFresh as scan,
  shared,
} from '../../test-fixtures/scan-helpers.ts';

// Changes to the host itself, with nothing installed or removed: the discovery
// cache must notice each one, or a new process keeps the old plugins.

describe("the discovery cache notices a change to the host's own files", () => {
  it('a package.json edited to declare a package that was installed already', () => {
    const p = project({
      host: { dependencies: { 'meter-plugins': '1' } },
      packages: [shared, meter, acme],
    });
    expect(scan(p.dir).names).not.toContain('sqlite@@acme/extra-storage@2.1.0');
    p.setHost({ dependencies: { 'meter-plugins': '1', '@acme/extra-storage': '2' } });
    const after = scan(p.dir);
    expect(after.stats).toMatchObject({ fromCache: false, cache: 'stale' });
    expect(after.names).toContain('sqlite@@acme/extra-storage@2.1.0');
  });

  it('a package.json that was missing, then written', () => {
    const p = project({ host: {}, packages: [shared, meter] });
    rmSync(join(p.dir, 'package.json'));
    const before = scan(p.dir);
    expect(before.report.problems[0]?.error.message).toMatch(/the host's manifest cannot be used/);
    p.setHost({ dependencies: { 'meter-plugins': '1' } });
    const after = scan(p.dir);
    expect(after.report.problems).toEqual([]);
    expect(after.names).toContain('memory@meter-plugins@1.0.0');
  });

  it('a lockfile rewritten by an install', () => {
    const p = project({
      host: { dependencies: { 'meter-plugins': '1' } },
      packages: [shared, meter],
      lockfile: true,
    });
    scan(p.dir);
    expect(scan(p.dir).stats.cache).toBe('hit');
    writeFileSync(join(p.dir, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"":{}}}');
    expect(scan(p.dir).stats).toMatchObject({ fromCache: false, cache: 'stale' });
  });
});
