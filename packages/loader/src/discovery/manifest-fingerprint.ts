/**
 * The fingerprint of a static manifest: a hash of the files whose change
 * could change what a package scan finds, taken when the manifest is written
 * and taken again when a process that can see the install uses it.
 *
 * The files are the host's package.json (which dependencies are declared),
 * the nearest lockfile (every install, upgrade or removal by a package
 * manager writes it), and the package.json of each scanned package linked
 * from outside node_modules (a workspace package, edited in place without any
 * install). Their contents are hashed, not their times: a manifest is written
 * on one machine and checked on another (a CI checkout, a deploy), where every
 * file is new but none has changed. The paths are kept relative to the host's
 * folder for the same reason.
 */
import { readFileSync, type Stats, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fnv1a } from '../shared/fnv1a.ts';
import { nearestLockfiles } from './lockfiles.ts';

/** The files a manifest depends on, relative to the host's folder (`/`-separated). */
export function fingerprintFiles(cwd: string, linkedManifests: readonly string[]): string[] {
  const files = ['package.json'];
  const lockfile = nearestLockfile(cwd);
  if (lockfile !== undefined) files.push(lockfile);
  for (const manifest of linkedManifests) files.push(portable(relative(cwd, manifest)));
  return [...new Set(files)];
}

/** `[file, size and hash, mtime]` of each file, as a manifest keeps them. */
export type FileStamp = readonly [file: string, hash: string, mtimeMs: number];

export function fingerprintOf(cwd: string, files: readonly string[]): FileStamp[] {
  return files.map((file) => {
    const path = join(cwd, file);
    return [file, hashFile(path), statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1];
  });
}

/** The first file that changed since the fingerprint was taken, or undefined. */
export function whatChanged(cwd: string, fingerprint: readonly FileStamp[]): string | undefined {
  for (const [file, hash, mtimeMs] of fingerprint) {
    const path = join(cwd, file);
    const stats = statOrUndefined(path);
    if (stats === undefined) {
      if (hash !== 'absent') return file;
      continue;
    }
    // Where it was written (a developer's machine, the CI job that bundles),
    // the file still has its size and time: one stat instead of reading and
    // hashing it, and an application's lockfile can be megabytes. Elsewhere
    // (a fresh checkout), the content decides.
    // Stryker disable next-line MethodExpression: `endsWith` only never takes the shortcut: the file is hashed, with the same answer
    if (stats.mtimeMs === mtimeMs && hash.startsWith(`${stats.size}:`)) continue;
    if (hashFile(path) !== hash) return file;
  }
  return undefined;
}

/** A file's stats, or undefined when it is gone or cannot be reached (a folder on its way is now a file). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    // Gone, or not reachable: undefined, as for a file that was never there.
  }
  return undefined;
}

/** The file's size and hash (`1234:9f0c44a1`), or `absent` for a file that cannot be read. */
export function hashFile(path: string): string {
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch {
    return 'absent';
  }
  return `${content.length}:${fnv1a(content)}`;
}

/** The nearest lockfile at or above `cwd`, relative to it (a workspace keeps it at its root). */
function nearestLockfile(cwd: string): string | undefined {
  const [first] = nearestLockfiles(cwd);
  return first === undefined ? undefined : portable(relative(cwd, first));
}

/** `/`-separated. On POSIX a backslash is part of a name, never a separator: kept. */
function portable(path: string): string {
  return path.split(sep).join('/');
}
