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
 * inside the package's real folder. Both real paths come from the system's
 * `realpath` (`realpathSync.native`, as discovery's do): one call, where
 * Node's JavaScript version asks for every folder of the path in turn.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImportTarget } from '../discovery/entry-point.ts';
import { lookUpExport } from './package-exports.ts';

export interface PackageModule {
  /** Real path of the package folder. */
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
    file = realpathSync.native(ref.hasExports ? exportedFile(ref) : legacyFile(ref));
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
  return { ok: true, target: { url: pathToFileURL(file).href, exportName: ref.exportName } };
}

/** Through the `exports` map: the caller's copy, or the manifest's, read now. */
function exportedFile(ref: PackageModule): string {
  const found = lookUpExport(ref.exports ?? exportsOf(ref.root), ref.module);
  if (!found.ok) throw new Error(found.why);
  return join(ref.root, found.relativeFile);
}

function exportsOf(root: string): unknown {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports?: unknown })
    .exports;
}

/** No `exports`: Node's own resolution relative to the package folder. */
function legacyFile(ref: PackageModule): string {
  const require = createRequire(join(ref.root, 'package.json'));
  return require.resolve(join(ref.root, ref.module === '.' ? '.' : ref.module.slice(2)));
}

/** Resolves a file the host named, to an import target. */
export function resolveFile(path: string, exportName: string): ResolveResult {
  try {
    return { ok: true, target: { url: pathToFileURL(realpathSync(path)).href, exportName } };
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
