/**
 * How a walk reads each package once. A diamond meets a package twice, and
 * two links can lead to one folder: the first meeting is remembered by the
 * entry's name in its holding folder (the cheap check, before any system
 * call), and the package by its real folder (the check that also catches two
 * links to one place). Both are kept so that the common case, a plain entry
 * in a node_modules folder, hashes no freshly built path.
 */
import { sep } from 'node:path';
import type { LocatedPackage } from './package-lookup.ts';

/** What the walk knows about one folder that holds packages. */
export interface Holder {
  /** Its real path, asked of the system the first time a package in it needs it. */
  real: string | undefined;
  /** Names of the entries in it already met (a diamond meets a package twice). */
  readonly met: Set<string>;
}

/**
 * A set of folder paths, kept as parent folder → names. A package's real
 * folder is usually its holder's real path (one string, hashed once) and its
 * own entry name (the dependency's key, hashed already), so checking it costs
 * no hashing of a freshly built full path.
 */
export class FolderSet {
  readonly #byParent = new Map<string, Set<string>>();

  /** Adds `path`; false when it was there already. */
  add(path: string): boolean {
    const cut = path.lastIndexOf(sep);
    return this.addIn(path.slice(0, cut), path.slice(cut + 1));
  }

  /**
   * Adds the real folder `root` of the package `found` in `holder`; false
   * when it was there already. A plain entry is real below its holder's real
   * path (taken by realFolder before this), so it is added as that path and
   * its own name; only a link's real folder is split anew.
   */
  addFound(found: LocatedPackage, holder: Holder, root: string): boolean {
    return found.isLink ? this.add(root) : this.addIn(holder.real as string, found.base);
  }

  /** Adds `parent/name`; false when it was there already. */
  addIn(parent: string, name: string): boolean {
    let names = this.#byParent.get(parent);
    if (names === undefined) {
      names = new Set();
      this.#byParent.set(parent, names);
    }
    if (names.has(name)) return false;
    names.add(name);
    return true;
  }
}
