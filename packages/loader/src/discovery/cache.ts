/**
 * The discovery cache: a package scan's findings kept on disk as JSON and
 * reused while the installed set is unchanged (see fingerprint.ts for what
 * "unchanged" means, and why it is cheap to check).
 *
 * The cache is a speed-up, never a source of truth. A file that is missing,
 * unreadable, not JSON, of another format version, written for other scan
 * options, or of the wrong shape is simply rebuilt. It keeps what was *read*
 * (each package's raw field), not what was *decided*: every declaration is
 * checked again on load by the same code as in a scan, so an edited cache file
 * cannot smuggle in a reference a scan would have refused.
 *
 * The cache folder is trusted as much as node_modules itself: whoever can
 * write one can write the other.
 *
 * Writing is atomic (a temporary file renamed into place), so a reader never
 * sees half a cache; a write that fails is reported, and discovery goes on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPlainObject } from './declared-names.ts';
import { type Fingerprint, whatChanged } from './fingerprint.ts';
import type { InstalledPackage, PackageWalk, WalkIssue } from './installed-packages.ts';

const FORMAT = 'plugin-patterns/package-scan';
/** Bump when the file's shape or meaning changes: older files are then rebuilt. */
export const CACHE_VERSION = 1;

export type CacheState = 'off' | 'hit' | 'absent' | 'stale' | 'invalid';

export type CacheRead =
  | { readonly state: 'hit'; readonly walk: PackageWalk }
  | { readonly state: 'absent' | 'stale' | 'invalid'; readonly why: string };

/** One file per set of scan options, so two hosts sharing a folder do not evict each other. */
export function cacheFileFor(dir: string, key: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return join(dir, `package-scan-${digest}.json`);
}

export function readScanCache(file: string, key: string): CacheRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const absent = (cause as { code?: unknown }).code === 'ENOENT';
    return absent
      ? { state: 'absent', why: `no cache file at ${file}` }
      : { state: 'invalid', why: `cannot read ${file}: ${String(cause)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { state: 'invalid', why: `${file} is not JSON` };
  }
  if (!isPlainObject(data) || data.format !== FORMAT || data.version !== CACHE_VERSION) {
    return { state: 'invalid', why: `${file} is not a version ${CACHE_VERSION} scan cache` };
  }
  if (data.key !== key) return { state: 'stale', why: `${file} was written for other options` };
  const { fingerprint, packages, issues } = data;
  if (!isFingerprint(fingerprint) || !isArrayOf(packages, isPackage)) {
    return { state: 'invalid', why: `${file} does not have the shape of a scan cache` };
  }
  if (!isArrayOf(issues, isIssue)) {
    return { state: 'invalid', why: `${file} does not have the shape of a scan cache` };
  }
  const changed = whatChanged(fingerprint);
  if (changed !== undefined) return { state: 'stale', why: changed };
  return { state: 'hit', walk: { packages, issues, packagesRead: 0, fingerprint } };
}

/** Writes the cache atomically. Returns why it could not, or undefined on success. */
export function writeScanCache(file: string, key: string, walk: PackageWalk): string | undefined {
  const data = {
    format: FORMAT,
    version: CACHE_VERSION,
    key,
    fingerprint: walk.fingerprint,
    packages: walk.packages,
    issues: walk.issues,
  };
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(data), { flag: 'wx' });
    renameSync(temporary, file);
    return undefined;
  } catch (cause) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // the folder itself is unusable: there is no temporary file to remove
    }
    return `could not write the discovery cache ${file}: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}

function isFingerprint(value: unknown): value is Fingerprint {
  return (
    isPlainObject(value) &&
    isArrayOf(value.stamps, isStringPair) &&
    isArrayOf(value.unresolved, isStringPair)
  );
}

function isPackage(value: unknown): value is InstalledPackage {
  return (
    isPlainObject(value) &&
    typeof value.name === 'string' &&
    typeof value.version === 'string' &&
    typeof value.root === 'string' &&
    typeof value.hasExports === 'boolean' &&
    Object.hasOwn(value, 'field')
  );
}

function isIssue(value: unknown): value is WalkIssue {
  return isPlainObject(value) && typeof value.origin === 'string' && typeof value.why === 'string';
}

function isStringPair(value: unknown): value is [string, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string'
  );
}

function isArrayOf<T>(value: unknown, check: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.every(check);
}
