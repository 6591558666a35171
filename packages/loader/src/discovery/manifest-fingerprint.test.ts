import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { fingerprintFiles, fingerprintOf, hashFile, whatChanged } from './manifest-fingerprint.ts';

function folder(): string {
  return tempTree({});
}

describe('the fingerprint of a static manifest', () => {
  it('tells apart two contents of the same length', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a'), '{"version":"1.0.0"}');
    const before = hashFile(join(dir, 'a'));
    writeFileSync(join(dir, 'a'), '{"version":"1.0.1"}');
    expect(hashFile(join(dir, 'a'))).not.toBe(before);
    expect(before).toMatch(/^19:[0-9a-f]{8}$/);
  });

  it('says absent for a file that is not there, unlike any content', () => {
    expect(hashFile(join(folder(), 'missing'))).toBe('absent');
  });

  it("lists the host's package.json, the nearest lockfile above it and the linked manifests, relative", () => {
    const dir = folder();
    const host = join(dir, 'apps', 'host');
    writeFileSync(join(dir, 'pnpm-lock.yaml'), 'lockfileVersion: 9');
    expect(fingerprintFiles(host, [join(dir, 'packages', 'plugin', 'package.json')])).toEqual([
      'package.json',
      '../../pnpm-lock.yaml',
      '../../packages/plugin/package.json',
    ]);
    expect(fingerprintOf(dir, ['pnpm-lock.yaml'])).toEqual([
      ['pnpm-lock.yaml', hashFile(join(dir, 'pnpm-lock.yaml')), expect.any(Number)],
    ]);
  });

  it('notices a change of content, not a new time on the same content (a fresh checkout)', () => {
    const dir = folder();
    writeFileSync(join(dir, 'package.json'), '{"dependencies":{"a":"1.0.0"}}');
    const fingerprint = fingerprintOf(dir, ['package.json', 'bun.lock']);
    expect(whatChanged(dir, fingerprint)).toBeUndefined();
    utimesSync(join(dir, 'package.json'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(whatChanged(dir, fingerprint)).toBeUndefined();
    writeFileSync(join(dir, 'package.json'), '{"dependencies":{"a":"1.0.1"}}');
    expect(whatChanged(dir, fingerprint)).toBe('package.json');
    writeFileSync(join(dir, 'bun.lock'), '');
    writeFileSync(join(dir, 'package.json'), '{"dependencies":{"a":"1.0.0"}}');
    expect(whatChanged(dir, fingerprint)).toBe('bun.lock');
  });
});
