/**
 * The fingerprint of an installed set: the few file-system facts whose change
 * could change what a package scan finds. The discovery cache is trusted only
 * while every one of them still holds, and checking them is a handful of
 * `stat` calls, however many packages are installed:
 *
 * - the host's package.json (which dependencies are declared) and the
 *   lockfile (any install, upgrade or removal by a package manager);
 * - each folder that holds a scanned package: `node_modules`, each
 *   `node_modules/@scope`, pnpm's `.pnpm/<name>@<version>/node_modules`. A
 *   folder's mtime and ctime change whenever an entry in it is created,
 *   removed or renamed, and that is how package managers change what is
 *   installed: npm moves a package's old folder aside and extracts the new
 *   one in its place (and rewrites `node_modules/.package-lock.json`); pnpm
 *   never changes a package in its store, so an upgrade is a new
 *   `.pnpm/<name>@<version>` folder and a new link where the old link was; a
 *   package added to an existing `@scope` is a new entry in that scope's folder;
 *   a removal deletes the folder or link;
 * - the package.json of every package linked from outside node_modules (a
 *   workspace package): it is edited in place, without any install, and its
 *   own stamp is the only witness of that;
 * - declared packages Node could not find: found later, they invalidate.
 *
 * Deliberately not stamped: the package.json of each package inside
 * node_modules. Its content changes with an install, which changes its folder
 * as above; stamping each one too would cost a `stat` per package on every
 * start (at 1,000 packages, about as much as all the rest of a warm start)
 * only to notice a hand edit inside node_modules. After editing there by hand,
 * delete the cache folder.
 *
 * A stamp is mtime, ctime, size and inode: a change that keeps the mtime (npm
 * extracts with fixed times) still gets a new ctime and inode.
 */
import type { Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { escapeUnsafe } from '../../shared/unsafe-text.ts';
import { nearestLockfiles } from '../lockfiles.ts';
import { locatePackage, lookupFolders } from '../package-lookup.ts';

export interface Fingerprint {
  /** `[path, stamp]` for every file and folder the result depends on. */
  readonly stamps: readonly (readonly [string, string])[];
  /** `[package name, manifest path]` of declared packages that were not installed. */
  readonly unresolved: readonly (readonly [string, string])[];
}

/** The stamp of a path that does not exist. */
export const ABSENT = '-';

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
  record(path: string, stamp: string | undefined): void {
    if (stamp === undefined) this.watch(path);
    else if (!this.#stamps.has(path)) this.#stamps.set(path, stamp);
  }

  /** A declared package Node could not find from `manifest`. */
  unresolved(name: string, manifest: string): void {
    this.#unresolved.push([name, manifest]);
  }

  /** The nearest lockfile above `dir` (a workspace keeps it at its root). */
  watchLockfile(dir: string): void {
    for (const path of nearestLockfiles(dir)) this.watch(path);
  }

  build(): Fingerprint {
    return { stamps: [...this.#stamps], unresolved: [...this.#unresolved] };
  }
}

/** Why the fingerprint no longer holds, or undefined when it still does. */
export function whatChanged(fingerprint: Fingerprint): string | undefined {
  for (const [path, stamp] of fingerprint.stamps) {
    // Notes are printed: a folder or a name is escaped where the note is written.
    if (stampPath(path) !== stamp) return `${escapeUnsafe(path)} changed`;
  }
  for (const [name, manifest] of fingerprint.unresolved) {
    // Looked up the same way as in a scan, from the manifest that declared it.
    if (locatePackage(name, lookupFolders(manifest, name)) !== undefined) {
      return `${escapeUnsafe(name)} is now installed`;
    }
  }
  return undefined;
}
