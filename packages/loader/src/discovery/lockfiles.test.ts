import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { nearestLockfiles } from './lockfiles.ts';

/** A workspace root with an empty package folder, packages/host, below it. */
function workspace(): string {
  const dir = tempTree({});
  mkdirSync(join(dir, 'packages', 'host'), { recursive: true });
  return dir;
}

describe('the nearest lockfiles', () => {
  it('are found at the workspace root from a package below it, every one, in table order', () => {
    const root = workspace();
    writeFileSync(join(root, 'yarn.lock'), '');
    writeFileSync(join(root, 'pnpm-lock.yaml'), '');
    expect(nearestLockfiles(join(root, 'packages', 'host'))).toEqual([
      join(root, 'pnpm-lock.yaml'),
      join(root, 'yarn.lock'),
    ]);
  });

  it('are those of the nearer folder when two folders have one', () => {
    const root = workspace();
    writeFileSync(join(root, 'pnpm-lock.yaml'), '');
    writeFileSync(join(root, 'packages', 'host', 'package-lock.json'), '');
    expect(nearestLockfiles(join(root, 'packages', 'host'))).toEqual([
      join(root, 'packages', 'host', 'package-lock.json'),
    ]);
  });
});
