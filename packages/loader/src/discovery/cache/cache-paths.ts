/**
 * Paths in the discovery cache file. Every one is kept relative to the host's
 * folder, and a package's folder is left out altogether — written as `0` —
 * when it is where a flat install puts it, `<host>/node_modules/<name>`: the
 * package's name gives it back. That is nearly every package of an npm or
 * yarn install (pnpm's real folders are in its store, and keep their path).
 *
 * A folder is left out only when reading it back gives the very same string
 * (`rootOf(name, 0) === root`), so leaving it out never changes a path.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A package's folder as the file keeps it: relative to the host, or `0` for `node_modules/<name>`. */
export type StoredRoot = string | 0;

/** A path of the host's install, as the file keeps it. */
export function toHost(host: string, path: string): string {
  return relative(host, path);
}

/** A path kept relative to the host, made absolute again (by concatenation when it can be). */
export function fromHost(host: string, path: string): string {
  if (path === '') return host;
  if (path.startsWith('.') || isAbsolute(path)) return resolve(host, path);
  return host.endsWith(sep) ? host + path : `${host}${sep}${path}`;
}

/** Writes and reads the folders of one host's packages. */
export class PackageFolders {
  readonly #host: string;
  /** `<host>/node_modules/`, made once: a folder read back is then one concatenation. */
  readonly #modules: string;

  constructor(host: string) {
    this.#host = host;
    this.#modules = fromHost(host, `node_modules${sep}`);
  }

  /** How the file keeps the folder `root` of package `name`. */
  stored(name: string, root: string): StoredRoot {
    return this.rootOf(name, 0) === root ? 0 : toHost(this.#host, root);
  }

  /** The real folder of package `name`, from what the file keeps. */
  rootOf(name: string, stored: StoredRoot): string {
    if (stored !== 0) return fromHost(this.#host, stored);
    // A scoped name is two folders deep: `@scope/name` is `@scope\name` on Windows.
    return this.#modules + (sep === '/' ? name : name.replace('/', sep));
  }
}
