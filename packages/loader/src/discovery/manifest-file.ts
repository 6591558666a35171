/**
 * Reading one package.json, once, defensively. Discovery reads hundreds of
 * these at start-up, so it is one synchronous open/read/close per package —
 * no globbing, no second read, no buffer allocated per file — and every way a
 * manifest can be wrong (gone, a folder, too large, not JSON, not an object)
 * comes back as a reason, never a throw.
 *
 * When the discovery cache needs the file's stamp (the host's manifest, a
 * package linked from outside node_modules), it is taken from the open file
 * *before* it is read: if the file changes after that, the stamp no longer
 * matches and the cache notices, so a cache can never keep content newer than
 * its stamp says. Other manifests are not stamped (see fingerprint.ts), which
 * spares a system call per package.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { typeName } from '../shared/type-name.ts';
import { escapeUnsafe } from '../shared/unsafe-text.ts';
import { stampOf } from './cache/fingerprint.ts';
import { packageNameProblem, shorten } from './declared-names.ts';

/** A manifest larger than this is not a package.json anyone meant to write. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export type ManifestRead =
  | {
      readonly ok: true;
      readonly manifest: Record<string, unknown>;
      /** Set when asked for with `{ stamp: true }`. */
      readonly stamp?: string;
    }
  | { readonly ok: false; readonly why: string };

/** What discovery needs to know about a package, read from its manifest. */
export interface PackageFacts {
  readonly name: string;
  readonly version: string;
  /** With `exports`, modules resolve through them; without, relative to the folder. */
  readonly hasExports: boolean;
  /**
   * The name the package's own manifest claims, when it is a valid package
   * name other than `name`: reports show it beside the name it was found
   * under, and nothing decides by it.
   */
  readonly claimedName?: string;
}

/**
 * Reused by every read: nearly every manifest fits, so a scan of a thousand
 * packages allocates no buffer per file (the text is copied out by `toString`).
 */
const scratch = Buffer.allocUnsafe(64 * 1024);

export function readManifest(path: string, options: { stamp?: boolean } = {}): ManifestRead {
  let text: string;
  let stamp: string | undefined;
  try {
    const fd = openSync(path, 'r');
    try {
      if (options.stamp === true) {
        const stats = fstatSync(fd);
        if (stats.isDirectory()) return refused(`${escapeUnsafe(path)} is a folder, not a file`);
        stamp = stampOf(stats);
      }
      const read = readAll(fd);
      if (read === undefined) {
        return refused(`${escapeUnsafe(path)} is larger than ${MAX_MANIFEST_BYTES} bytes`);
      }
      text = read;
    } finally {
      closeSync(fd);
    }
  } catch (cause) {
    return refused(`cannot read ${escapeUnsafe(path)}: ${describeFsError(cause)}`);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (cause) {
    // V8 quotes the text around the error: the file's own characters.
    const detail = escapeUnsafe(cause instanceof Error ? cause.message : String(cause));
    return refused(`${escapeUnsafe(path)} is not valid JSON (${detail})`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return refused(`${escapeUnsafe(path)} holds ${typeName(manifest)}, not a JSON object`);
  }
  const found = manifest as Record<string, unknown>;
  return stamp === undefined ? { ok: true, manifest: found } : { ok: true, manifest: found, stamp };
}

/**
 * Name, version and `exports` presence, with provenance from where the
 * package was found: its name is `foundUnder`, the name the declaring
 * dependency list installed it under (its folder in node_modules), never what
 * its manifest says. A manifest can say anything: `evil-x` can call itself
 * `@plugin-patterns/sample-plugins`, and a rule that trusted the claim would
 * trust the squatter. A valid claim that differs is kept as `claimedName`, so
 * that reports show both. (`foundUnder` empty: the package is read on its
 * own, by the conformance check, and its claim is all there is.)
 *
 * The version is the package's own word, and it ends up in every message and
 * report about its plugins, so a version that is not a plain version string
 * is shown escaped and cut short. A manifest cannot put a terminal escape
 * sequence, a forged line or five thousand characters into the host's output.
 */
export function packageFacts(manifest: Record<string, unknown>, foundUnder: string): PackageFacts {
  const name = Object.hasOwn(manifest, 'name') ? manifest.name : undefined;
  const version = Object.hasOwn(manifest, 'version') ? manifest.version : undefined;
  const claimed = typeof name === 'string' && packageNameProblem(name) === undefined ? name : '';
  const facts = {
    name: foundUnder === '' ? claimed : foundUnder,
    version: versionOf(version),
    hasExports: Object.hasOwn(manifest, 'exports') && manifest.exports != null,
  };
  return claimed === '' || claimed === facts.name ? facts : { ...facts, claimedName: claimed };
}

/** Letters, digits, `.`, `+`, `-`: every semver string, nothing a terminal would act on. */
const VERSION = /^[0-9A-Za-z.+-]{1,256}$/;

function versionOf(version: unknown): string {
  if (version === undefined || version === '') return '(no version)';
  if (typeof version === 'string' && VERSION.test(version)) return version;
  const shown = typeof version === 'string' ? `"${shorten(version, 40)}"` : typeName(version);
  return `(invalid version ${shown})`;
}

/** A manifest refused, and why (each caller escapes the path and file text it quotes). */
function refused(why: string): ManifestRead {
  return { ok: false, why };
}

/**
 * `ENOENT: no such file…` reads better as what it means for a manifest. Any
 * other error's own message is escaped: it quotes the path it failed on.
 */
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
      return escapeUnsafe(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * The whole file as text, or undefined when it is larger than the limit.
 * A read that returns less than asked is the end of a regular file, so a
 * manifest that fits costs one `read`; reading a folder throws EISDIR.
 */
function readAll(fd: number): string | undefined {
  let buffer = scratch;
  let filled = 0;
  for (;;) {
    const wanted = buffer.length - filled;
    const read = readSync(fd, buffer, filled, wanted, filled);
    filled += read;
    if (read < wanted) break;
    if (buffer.length > MAX_MANIFEST_BYTES) return undefined;
    // Stryker disable next-line MethodExpression: growing straight to the cap reads the same bytes, with a larger buffer
    const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_MANIFEST_BYTES + 1));
    buffer.copy(bigger, 0, 0, filled);
    buffer = bigger;
  }
  return buffer.toString('utf8', 0, filled);
}
