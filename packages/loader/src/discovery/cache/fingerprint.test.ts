import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../../test-fixtures/temp-tree.ts';
import { ABSENT, FingerprintBuilder, stampPath, whatChanged } from './fingerprint.ts';

function folder(): string {
  return tempTree({});
}

describe('stamps', () => {
  it('stamps a missing path as absent, and an existing one by its stats', () => {
    const dir = folder();
    expect(stampPath(join(dir, 'nothing'))).toBe(ABSENT);
    writeFileSync(join(dir, 'file'), 'x');
    expect(stampPath(join(dir, 'file'))).toMatch(/^[\d.]+\/[\d.]+\/1\/\d+$/);
  });

  it('changes when a file is rewritten with content of the same size', () => {
    const dir = folder();
    const file = join(dir, 'package.json');
    writeFileSync(file, '{"version":"1.0.0"}');
    const builder = new FingerprintBuilder();
    builder.watch(file);
    const fingerprint = builder.build();
    expect(whatChanged(fingerprint)).toBeUndefined();
    // Replaced the way an installer does it: a new file (new inode, new ctime).
    writeFileSync(`${file}.new`, '{"version":"1.0.1"}');
    rmSync(file);
    writeFileSync(file, '{"version":"1.0.1"}');
    expect(whatChanged(fingerprint)).toBe(`${file} changed`);
  });
});

describe('unresolved packages', () => {
  it('notices a declared package that has been installed since', () => {
    const dir = folder();
    const manifest = join(dir, 'package.json');
    writeFileSync(manifest, '{"name":"host"}');
    const builder = new FingerprintBuilder();
    builder.unresolved('late', manifest);
    const fingerprint = builder.build();
    expect(whatChanged(fingerprint)).toBeUndefined();
    mkdirSync(join(dir, 'node_modules/late'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/late/package.json'), '{"name":"late"}');
    expect(whatChanged(fingerprint)).toBe('late is now installed');
  });
});

describe('lockfiles', () => {
  it('watches the nearest lockfile above the host, as in a workspace', () => {
    const dir = folder();
    const host = join(dir, 'packages/app');
    mkdirSync(host, { recursive: true });
    writeFileSync(join(dir, 'pnpm-lock.yaml'), 'lockfileVersion: 9\n');
    const builder = new FingerprintBuilder();
    builder.watchLockfile(host);
    const fingerprint = builder.build();
    expect(fingerprint.stamps.map(([path]) => path)).toEqual([join(dir, 'pnpm-lock.yaml')]);
    writeFileSync(join(dir, 'pnpm-lock.yaml'), 'lockfileVersion: 9\npackages: {}\n');
    expect(whatChanged(fingerprint)).toMatch(/pnpm-lock\.yaml changed/);
  });
});
