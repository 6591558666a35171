/**
 * Resolution uses Node's own resolver, never hand-made path joining: a
 * package-relative module goes through the package's `exports` (by
 * self-reference), so the package decides what is public, and conditions such
 * as `--conditions` apply exactly as they would to a normal import.
 *
 * Node's resolver cannot be told to leave the package, but a symlink inside
 * the package can point anywhere; the real path of the result is therefore
 * checked to be inside the package's real folder.
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImportTarget } from '../discovery/entry-point.ts';

export interface PackageModule {
  /** Real path of the package folder. */
  readonly root: string;
  readonly packageName: string;
  /** Whether the package's manifest has an `exports` field. */
  readonly hasExports: boolean;
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
  const require = createRequire(join(ref.root, 'package.json'));
  // With `exports`, the package's own name resolves through them (self-reference);
  // without, Node resolves the file relative to the package folder.
  const request = ref.hasExports
    ? `${ref.packageName}${ref.module.slice(1)}`
    : join(ref.root, ref.module === '.' ? '.' : ref.module.slice(2));
  let file: string;
  try {
    file = realpathSync(require.resolve(request));
  } catch (cause) {
    return {
      ok: false,
      why: `Node could not resolve "${request}": ${messageOf(cause)}`,
      escapes: false,
      cause,
    };
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
