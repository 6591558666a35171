/**
 * Where a plugin's module is, as a file URL the importer can load.
 *
 * A package-relative module goes through the package's own `exports` map
 * with the conditions of an ESM import (`package-exports.ts`), so the package
 * decides what is public and `--conditions` apply as they would to any import.
 * A package without `exports` is resolved by Node's resolver relative to its
 * folder (`main`, extensions and `index.js`, as Node does for such packages).
 *
 * Neither can be told to leave the package, but a symlink inside the package
 * can point anywhere: the real path of the result is therefore checked to be
 * inside the package's real folder. The package folder is real already (the
 * caller says so), so only the part of the path below it can hold a link: an
 * exported file is checked with one `lstat` per part of that relative path
 * (one, for `./plugin.js`), and only a path that does pass through a link
 * asks the system's `realpath` (`realpathSync.native`) where it really leads.
 * `realpath` alone would be one call, but the C library behind it reads every
 * folder of the path from the root of the disk, a plugin load's largest cost
 * after the `import()` itself.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileUrlOf } from './file-url.ts';
import type { ImportTarget } from './import-target.ts';
import { lookUpExport } from './package-exports.ts';

export interface PackageModule {
  /**
   * Real path of the package folder (no link anywhere in it): the containment
   * check trusts it, and looks for links only below it.
   */
  readonly root: string;
  readonly packageName: string;
  /** Whether the package's manifest has an `exports` field. */
  readonly hasExports: boolean;
  /**
   * The manifest's `exports` value, when the caller has read it already (at
   * discovery, say). Without it, `package.json` is read again here.
   */
  readonly exports?: unknown;
  /** `.` or `./subpath`, already checked by `parsePackageReference`. */
  readonly module: string;
  readonly exportName: string;
}

export type ResolveResult =
  | { readonly ok: true; readonly target: ImportTarget }
  | {
      readonly ok: false;
      readonly why: string;
      readonly escapes: boolean;
      readonly cause?: unknown;
    };

export function resolvePackageModule(ref: PackageModule): ResolveResult {
  let file: string;
  try {
    file = ref.hasExports
      ? realBelow(ref.root, exportedFile(ref))
      : realpathSync.native(legacyFile(ref));
  } catch (cause) {
    const why = `cannot resolve "${ref.module}" in ${ref.packageName}: ${messageOf(cause)}`;
    return { ok: false, why, escapes: false, cause };
  }
  if (!isInside(file, ref.root)) {
    return {
      ok: false,
      why: `it resolves to ${file}, outside the package folder ${ref.root}`,
      escapes: true,
    };
  }
  return {
    ok: true,
    target: { url: fileUrlOf(file), exportName: ref.exportName, within: ref.root },
  };
}

/** Through the `exports` map: the caller's copy, or the manifest's, read now. */
function exportedFile(ref: PackageModule): string {
  const found = lookUpExport(ref.exports ?? exportsOf(ref.root), ref.module);
  if (!found.ok) throw new Error(found.why);
  // `./` then segments that are never empty, `.` or `..` (lookUpExport refuses
  // those): on POSIX there is nothing for `join` to normalise.
  // Stryker disable next-line MethodExpression: a `./` left in the path is normalised away (the URL of `a/./b` is that of `a/b`, and realpath drops it)
  const relative = found.relativeFile.slice(2);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: on POSIX both branches build the same path
  return sep === '/' ? `${ref.root}/${relative}` : join(ref.root, relative);
}

/**
 * The real path of `file`, which lies below the real folder `root`: `file`
 * itself when no part of it below `root` is a link, otherwise what the
 * system's `realpath` says. Throws as `realpath` does (a missing file, say).
 */
export function realBelow(root: string, file: string): string {
  // The mutants disabled below only give up the shortcut early (or fail an lstat) and fall
  // back to realpath, which returns the same real path: only system calls differ.
  // Stryker disable next-line BlockStatement: falls back to realpath, same path
  try {
    // Stryker disable next-line ConditionalExpression: falls back to realpath, same path
    for (let end = file.indexOf(sep, root.length + 1); ; end = file.indexOf(sep, end + 1)) {
      // Stryker disable next-line EqualityOperator,UnaryOperator: falls back to realpath, same path
      if (lstatSync(end === -1 ? file : file.slice(0, end)).isSymbolicLink()) break;
      // Stryker disable next-line UnaryOperator: falls back to realpath, same path
      if (end === -1) return file;
    }
  } catch {
    // Gone, or not a folder on the way: realpath below throws and says which.
  }
  return realpathSync.native(file);
}

function exportsOf(root: string): unknown {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports?: unknown })
    .exports;
}

/** No `exports`: Node's own resolution relative to the package folder. */
function legacyFile(ref: PackageModule): string {
  // Stryker disable next-line StringLiteral: require.resolve is given an absolute path, which resolves the same from any base
  const require = createRequire(join(ref.root, 'package.json'));
  // Stryker disable next-line StringLiteral,MethodExpression: join normalises '.', '', './x' and 'x' below the root to the same path
  return require.resolve(join(ref.root, ref.module === '.' ? '.' : ref.module.slice(2)));
}

/** Resolves a file the host named, to an import target. */
export function resolveFile(path: string, exportName: string): ResolveResult {
  try {
    return { ok: true, target: { url: fileUrlOf(realpathSync(path)), exportName } };
  } catch (cause) {
    return {
      ok: false,
      why: `cannot read plugin file ${path}: ${messageOf(cause)}`,
      escapes: false,
      cause,
    };
  }
}

export function isInside(file: string, folder: string): boolean {
  return file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause);
}
