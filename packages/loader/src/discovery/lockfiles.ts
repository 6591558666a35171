/**
 * The lockfile: every install, upgrade or removal by a package manager
 * rewrites it, so whatever trusts an earlier look at the install (the
 * discovery cache, the static manifest's fingerprint) watches it. One table of
 * names, so that a package manager added here is watched by both.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The lockfiles of npm, pnpm, Yarn and Bun. */
export const LOCKFILE_NAMES: readonly string[] = [
  'pnpm-lock.yaml',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
];

/**
 * The lockfiles of the nearest folder at or above `dir` that has any (a
 * workspace keeps them at its root), in the order of LOCKFILE_NAMES; empty
 * when no folder up to the root has one.
 */
export function nearestLockfiles(dir: string): string[] {
  for (let current = dir; ; current = dirname(current)) {
    const found = LOCKFILE_NAMES.map((name) => join(current, name)).filter((path) =>
      existsSync(path),
    );
    if (found.length > 0 || dirname(current) === current) return found;
  }
}
