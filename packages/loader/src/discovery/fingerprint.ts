/**
 * The fingerprint of an installed set: the few file-system facts whose change
 * could change what a package scan finds. The discovery cache is trusted only
 * while every one of them still holds.
 *
 * Statting every scanned package.json would be correct but costs a system
 * call per package on every start, most of them spent on packages that
 * declare no plugins. What the scan's result actually depends on is less:
 *
 * - the host's package.json (which dependencies are declared) and the
 *   lockfile (any install, upgrade or removal by a package manager);
 * - each folder that holds a scanned package (`node_modules`,
 *   `node_modules/@scope`, pnpm's `.pnpm/x/node_modules`): package managers
 *   add, remove and upgrade packages by creating, renaming or relinking
 *   entries there, which changes the folder's own mtime;
 * - the package.json of every package that declares the field (its content is
 *   the result), and of every package linked from outside node_modules
 *   (a workspace package, edited in place without any install);
 * - declared packages Node could not find: found later, they invalidate.
 *
 * A stamp is mtime, ctime, size and inode: an upgrade that keeps the mtime
 * (npm extracts with fixed times) still gets a new ctime and inode.
 */
import type { Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Fingerprint {
  /** `[path, stamp]` for every file and folder the result depends on. */
  readonly stamps: readonly (readonly [string, string])[];
  /** `[package name, manifest path]` of declared packages that were not installed. */
  readonly unresolved: readonly (readonly [string, string])[];
}

/** The stamp of a path that does not exist. */
export const ABSENT = '-';

const LOCKFILES = [
  'pnpm-lock.yaml',
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'bun.lock',
  'bun.lockb',
];

export function stampOf(stats: Stats): string {
  return `${stats.mtimeMs}/${stats.ctimeMs}/${stats.size}/${stats.ino}`;
}

export function stampPath(path: string): string {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats === undefined ? ABSENT : stampOf(stats);
  } catch {
    return ABSENT; // unreadable now: differs from any real stamp, so the cache is rebuilt
  }
}

/** Collects stamps while a scan runs; each path is stamped once, the first time it is seen. */
export class FingerprintBuilder {
  readonly #stamps = new Map<string, string>();
  readonly #unresolved: (readonly [string, string])[] = [];

  /** Stamps a path now (before it is read), unless it already is. */
  watch(path: string): void {
    if (!this.#stamps.has(path)) this.#stamps.set(path, stampPath(path));
  }

  /** Keeps a stamp taken elsewhere, e.g. from the open file a manifest was read from. */
  record(path: string, stamp: string): void {
    if (!this.#stamps.has(path)) this.#stamps.set(path, stamp);
  }

  /** A declared package Node could not find from `manifest`. */
  unresolved(name: string, manifest: string): void {
    this.#unresolved.push([name, manifest]);
  }

  /** The nearest lockfile above `dir` (a workspace keeps it at its root). */
  watchLockfile(dir: string): void {
    for (let current = dir; ; current = dirname(current)) {
      const found = LOCKFILES.map((name) => join(current, name)).filter(
        (path) => stampPath(path) !== ABSENT,
      );
      for (const path of found) this.watch(path);
      if (found.length > 0 || dirname(current) === current) return;
    }
  }

  build(): Fingerprint {
    return { stamps: [...this.#stamps], unresolved: [...this.#unresolved] };
  }
}

/** Why the fingerprint no longer holds, or undefined when it still does. */
export function whatChanged(fingerprint: Fingerprint): string | undefined {
  for (const [path, stamp] of fingerprint.stamps) {
    if (stampPath(path) !== stamp) return `${path} changed`;
  }
  for (const [name, manifest] of fingerprint.unresolved) {
    try {
      findPackageJSON(name, pathToFileURL(manifest));
      return `${name} is now installed`;
    } catch {
      // still missing: nothing changed for this one
    }
  }
  return undefined;
}
