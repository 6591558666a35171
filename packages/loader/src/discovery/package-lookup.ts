/**
 * Finding an installed package the way `import` finds it, at the cost of a
 * system call per dependency.
 *
 * `import 'name'` from a file looks for a folder `node_modules/name` beside
 * the file's package, then in each parent folder up to the root, and takes
 * the first one that is a directory. Node answers that question itself
 * (`module.findPackageJSON`), but each call first re-reads the importing
 * package's own scope (to see whether `name` is the package itself) and keeps
 * every manifest it touches in a native cache: asked once per dependency, that
 * was most of a scan's time and a good part of its memory. So the list of
 * folders is asked of Node once per manifest — `createRequire(manifest)
 * .resolve.paths()`, Node's own node_modules lookup list, not one made up here
 * — and each dependency costs one `lstat` per folder tried (one, in a flat
 * install).
 *
 * Node's rule, kept as it is: the first `<folder>/<name>` that is a directory
 * (or a link to one) wins; a file or a dangling link there is passed over.
 * The caller handles the one other case, a package naming itself (Node's
 * self-reference). `resolve.paths` is CommonJS's list and ends with NODE_PATH
 * and the legacy global folders (`~/.node_modules`...), which `import` never
 * searches, so only the node_modules folders of the manifest's own ancestors
 * are kept.
 *
 * The package is its real folder (pnpm links each package from its store, a
 * workspace from afar). An entry that is not a link is already real below its
 * holding folder, so its real path is the holder's (taken once per scan) plus
 * its name; only a link pays for a `realpath` of its own.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, sep } from 'node:path';

/** Where Node found a package, before its manifest is read. */
export interface LocatedPackage {
  /** `<lookup folder>/<name>`, as Node found it (maybe a link). */
  readonly folder: string;
  /** The folder that holds the entry: `node_modules` or `node_modules/@scope`. */
  readonly holder: string;
  /** The entry's name in its holder: the package name without its scope. */
  readonly base: string;
  readonly isLink: boolean;
}

/** The node_modules folders `import` searches from `manifestPath`, nearest first. */
export function lookupFolders(manifestPath: string, name: string): string[] {
  // A subpath is never a built-in, for which Node would answer null.
  // Stryker disable next-line StringLiteral,ArrayDeclaration: the list depends only on where it is asked from (`''` gets the same), and is never null here
  const paths = createRequire(manifestPath).resolve.paths(`${name}/package.json`) ?? [];
  const home = dirname(manifestPath);
  return paths.filter((path) => basename(path) === 'node_modules' && within(home, dirname(path)));
}

/** The first `<folder>/<name>` that is a directory, as Node picks it; undefined if none. */
export function locatePackage(
  name: string,
  folders: readonly string[],
): LocatedPackage | undefined {
  // `@scope/name` sits in the scope's folder; `name` right in the lookup folder.
  const slash = name.indexOf('/');
  const scope = slash === -1 ? '' : `${sep}${name.slice(0, slash)}`;
  const base = name.slice(slash + 1);
  for (const lookup of folders) {
    const holder = `${lookup}${scope}`;
    const folder = `${holder}${sep}${base}`;
    const entry = lstatOrUndefined(folder);
    if (entry === undefined) continue;
    if (entry.isDirectory()) return { folder, holder, base, isLink: false };
    if (entry.isSymbolicLink() && isDirectory(folder))
      return { folder, holder, base, isLink: true };
  }
  return undefined;
}

/**
 * The real path of a located package's folder; throws as `realpath` does.
 * `holder` keeps the real path of the folder that holds it, asked of the
 * system only for the first package found there.
 */
export function realFolder(found: LocatedPackage, holder: { real: string | undefined }): string {
  if (found.isLink) return realpathSync.native(found.folder);
  holder.real ??= realpathSync.native(found.holder);
  return `${holder.real}${sep}${found.base}`;
}

/** True when `path` is `folder` or inside it. */
function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
}

function lstatOrUndefined(path: string) {
  try {
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: a missing entry then throws, and is caught below: the same undefined, at the cost of an exception
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    // Unreadable, or not a folder on the way: Node passes over it too.
  }
  return undefined;
}

function isDirectory(path: string): boolean {
  try {
    // Stryker disable next-line ObjectLiteral,OptionalChaining: a missing target then throws, and is caught below: false either way
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    // A link loop, or a link into a folder nobody may read.
  }
  return false;
}
