/**
 * The discovery cache: a package scan's findings kept on disk as JSON and
 * reused while the installed set is unchanged (see fingerprint.ts for what
 * "unchanged" means, and why it is cheap to check, and cache-format.ts for
 * what the file holds).
 *
 * The cache is a speed-up, never a source of truth. A file that is missing,
 * unreadable, not JSON, of another format version, written for other scan
 * options, or of the wrong shape is simply rebuilt, and every declaration in
 * it is checked again on load, so an edited or damaged cache file cannot bring
 * in a reference a scan would have refused.
 *
 * The cache folder is trusted as much as node_modules itself, no more: whoever
 * can write one can write the other (and put code in a package). So the file
 * carries no signature — a checksum would catch damage, which the checks on
 * load already do, and not a forger, who could as well edit a package.
 *
 * Writing is atomic (a temporary file renamed into place), so a reader never
 * sees half a cache; a write that fails is reported, and discovery goes on.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a } from '../../shared/fnv1a.ts';
import { escapeUnsafe } from '../../shared/unsafe-text.ts';
import { isPlainObject } from '../declared-names.ts';
import type { Findings, ScanFindings } from '../scan-findings.ts';
import { decodeFingerprint, decodeScan, encodeScan } from './cache-format.ts';
import { type Fingerprint, whatChanged } from './fingerprint.ts';

const FORMAT = 'plugin-patterns/package-scan';
/** Bump when the file's shape or meaning changes: older files are then rebuilt. */
export const CACHE_VERSION = 4;

/** Which scan a cache file is for. */
export interface CacheIdentity {
  /** The scan options, as text: a file written for other options is stale. */
  readonly key: string;
  /** The host's folder (a real path): paths in the file are relative to it. */
  readonly host: string;
  /** The manifest field the scan reads, for the messages of checks on load. */
  readonly field: string;
}

export type CacheState = 'off' | 'hit' | 'absent' | 'stale' | 'invalid';

export type CacheRead =
  | { readonly state: 'hit'; readonly findings: Findings }
  | { readonly state: 'absent' | 'stale' | 'invalid'; readonly why: string };

/** One file per set of scan options, so two hosts sharing a folder do not evict each other. */
export function cacheFileFor(dir: string, key: string): string {
  // FNV-1a, not SHA-256: a warm start no longer imports node:crypto, which cost a
  // fresh process about 4 ms at best (13 ms median) on the loaded 2-core machine.
  const digest = fnv1a(key);
  return join(dir, `package-scan-${digest}.json`);
}

/** The cached findings, if the file is sound, is for this scan and still holds. */
export function readScanCache(file: string, identity: CacheIdentity): CacheRead {
  // Every note quotes the file, in the host's cache folder: a path a terminal
  // may act on (a folder named with U+009B), so it is escaped as it is written.
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const absent = (cause as { code?: unknown }).code === 'ENOENT';
    return absent
      ? { state: 'absent', why: `no cache file at ${escapeUnsafe(file)}` }
      : { state: 'invalid', why: `cannot read ${escapeUnsafe(file)}: ${messageOf(cause)}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { state: 'invalid', why: `${escapeUnsafe(file)} is not JSON` };
  }
  if (!isPlainObject(data) || data.format !== FORMAT || data.version !== CACHE_VERSION) {
    const why = `${escapeUnsafe(file)} is not a version ${CACHE_VERSION} scan cache`;
    return { state: 'invalid', why };
  }
  if (data.key !== identity.key) {
    return { state: 'stale', why: `${escapeUnsafe(file)} was written for other options` };
  }
  const misshapen: CacheRead = {
    state: 'invalid',
    why: `${escapeUnsafe(file)} does not have the shape of a scan cache`,
  };
  // The fingerprint first: findings that no longer hold are not worth checking.
  const fingerprint = decodeFingerprint(data, identity.host);
  if (fingerprint === undefined) return misshapen;
  const changed = whatChanged(fingerprint);
  if (changed !== undefined) return { state: 'stale', why: changed };
  const holders = fingerprint.stamps.map(([path]) => path);
  const findings = decodeScan(data, identity.host, identity.field, holders);
  if (findings === undefined) return misshapen;
  if (typeof findings === 'string') {
    const why = `${escapeUnsafe(file)} was refused and is rebuilt: ${findings}`;
    return { state: 'invalid', why };
  }
  return { state: 'hit', findings };
}

/** Writes the cache atomically. Returns why it could not, or undefined on success. */
export function writeScanCache(
  file: string,
  identity: CacheIdentity,
  scan: ScanFindings,
  fingerprint: Fingerprint,
): string | undefined {
  const data = {
    format: FORMAT,
    version: CACHE_VERSION,
    key: identity.key,
    ...encodeScan(scan, fingerprint, identity.host),
  };
  // The 'wx' flag refuses a file that exists, so the name need only be unlikely to collide.
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
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
    return `could not write the discovery cache ${escapeUnsafe(file)}: ${messageOf(cause)}`;
  }
}

/** A system error's message, escaped: Node's quotes the path it was given. */
function messageOf(cause: unknown): string {
  return escapeUnsafe(cause instanceof Error ? cause.message : String(cause));
}
