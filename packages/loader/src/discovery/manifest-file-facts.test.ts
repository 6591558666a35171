import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { packageFacts, readManifest } from './manifest-file.ts';

describe('what a package claims to be called', () => {
  it('is kept beside the name it was found under only when it is a valid, different name', () => {
    expect(packageFacts({ name: '@acme/real', version: '1.0.0' }, 'evil-x')).toMatchObject({
      name: 'evil-x',
      claimedName: '@acme/real',
    });
    for (const name of [42, 'Not A Name!', 'evil-x']) {
      expect(packageFacts({ name, version: '1.0.0' }, 'evil-x')).not.toHaveProperty('claimedName');
    }
  });

  it('is all there is for a package read on its own, and nothing when it is no name', () => {
    expect(packageFacts({ name: 'acme' }, '').name).toBe('acme');
    expect(packageFacts({ name: 42 }, '').name).toBe('');
    expect(packageFacts({ name: 'Not A Name!' }, '').name).toBe('');
  });
});

describe('reading a manifest', () => {
  it('closes the file it opened, read or refused', () => {
    const dir = tempTree({ 'good.json': '{"name":"a"}', 'bad.json': '{ oops' });
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      expect(readManifest(join(dir, 'good.json')).ok).toBe(true);
      expect(readManifest(join(dir, 'bad.json')).ok).toBe(false);
      expect(readManifest(dir, { stamp: true }).ok).toBe(false);
    }
    expect(open()).toBeLessThan(before + 5);
  });
});
