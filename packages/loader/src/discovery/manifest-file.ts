/**
 * Reading one package.json, once, defensively. Discovery reads hundreds of
 * these at start-up, so it is one synchronous open/read/parse per package —
 * no globbing, no second read — and every way a manifest can be wrong (gone,
 * a folder, not JSON, not an object) comes back as a reason, never a throw.
 *
 * The file's stamp is taken from the open file *before* it is read: if the
 * file changes after that, the stamp no longer matches and the discovery
 * cache notices, so a cache can never keep content newer than its stamp says.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { packageNameProblem, shorten, typeName } from './declared-names.ts';
import { stampOf } from './fingerprint.ts';

/** A manifest larger than this is not a package.json anyone meant to write. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export type ManifestRead =
  | { readonly ok: true; readonly manifest: Record<string, unknown>; readonly stamp: string }
  | { readonly ok: false; readonly why: string };

/** What discovery needs to know about a package, read from its manifest. */
export interface PackageFacts {
  readonly name: string;
  readonly version: string;
  /** With `exports`, modules resolve through them; without, relative to the folder. */
  readonly hasExports: boolean;
}

export function readManifest(path: string): ManifestRead {
  let text: string;
  let stamp: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const stats = fstatSync(fd);
      if (stats.isDirectory()) return { ok: false, why: `${path} is a folder, not a file` };
      if (stats.size > MAX_MANIFEST_BYTES) {
        return { ok: false, why: `${path} is larger than ${MAX_MANIFEST_BYTES} bytes` };
      }
      stamp = stampOf(stats);
      text = readAll(fd, stats.size);
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    return { ok: false, why: `cannot read ${path}: ${describeFsError(cause)}` };
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, why: `${path} is not valid JSON (${detail})` };
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return { ok: false, why: `${path} holds ${typeName(manifest)}, not a JSON object` };
  }
  return { ok: true, manifest: manifest as Record<string, unknown>, stamp };
}

/**
 * Name, version and `exports` presence. The name and version are the
 * package's own word, and they end up in every message and report about its
 * plugins, so they are held to what npm allows: a name that is not a valid
 * package name gives way to `fallbackName` (the name the package was found
 * under), and a version that is not a plain version string is shown escaped
 * and cut short. A manifest cannot put a terminal escape sequence, a forged
 * line or five thousand characters into the host's output.
 */
export function packageFacts(
  manifest: Record<string, unknown>,
  fallbackName: string,
): PackageFacts {
  const name = Object.hasOwn(manifest, 'name') ? manifest.name : undefined;
  const version = Object.hasOwn(manifest, 'version') ? manifest.version : undefined;
  return {
    name: typeof name === 'string' && packageNameProblem(name) === undefined ? name : fallbackName,
    version: versionOf(version),
    hasExports: Object.hasOwn(manifest, 'exports') && manifest.exports != null,
  };
}

/** Letters, digits, `.`, `+`, `-`: every semver string, nothing a terminal would act on. */
const VERSION = /^[0-9A-Za-z.+-]{1,256}$/;

function versionOf(version: unknown): string {
  if (version === undefined || version === '') return '(no version)';
  if (typeof version === 'string' && VERSION.test(version)) return version;
  const shown = typeof version === 'string' ? `"${shorten(version, 40)}"` : typeName(version);
  return `(invalid version ${shown})`;
}

/** `ENOENT: no such file…` reads better as what it means for a manifest. */
export function describeFsError(cause: unknown): string {
  const code = (cause as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist (removed during the scan, or a broken link)';
    case 'ELOOP':
      return 'it is a symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    default:
      return cause instanceof Error ? cause.message : String(cause);
  }
}

function readAll(fd: number, size: number): string {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, buffer, filled, size - filled, filled);
    if (read === 0) break; // truncated while we read: parse what is there, JSON decides
    filled += read;
  }
  return buffer.toString('utf8', 0, filled);
}
