/**
 * Turns a reference that the parser refused into the right typed error.
 *
 * Two different mistakes look alike in a manifest: a reference that is merely
 * malformed (`./storage:1st`) and one that points somewhere it must not
 * (`../host/secrets`, `/etc/passwd`, `node:fs`, another package). The second is
 * a security refusal and a host may want to alert on it, so it gets its own
 * class, ReferenceEscapeError (code PLUGIN_REFERENCE_ESCAPES_PACKAGE). The
 * parser already said *why*; this only decides *which kind* of refusal it is,
 * by looking at where the module part points.
 */
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { shorten } from './declared-names.ts';

interface Who {
  readonly namespace: string;
  readonly name?: string | undefined;
}

/**
 * `package`: a reference from a package's manifest (must stay in that package).
 * `specifier`: a reference from the host's own list (a bare package specifier).
 */
export type ReferenceKind = 'package' | 'specifier';

export function refusedReference(
  reference: unknown,
  why: string,
  who: Who & { readonly kind: ReferenceKind },
): DiscoveryError {
  const who_ = { namespace: who.namespace, name: who.name };
  // `why` is the parser's reason, or a scan's or a cache's refusal: none holds
  // a character a terminal acts on (the parser refuses them before quoting,
  // scans escape, the cache refuses a file holding one).
  if (typeof reference !== 'string') return new DiscoveryError(why, who_);
  const shown = shorten(reference, 200);
  return pointsOutside(reference, who.kind)
    ? new ReferenceEscapeError(shown, why, who_)
    : new DiscoveryError(`import reference "${shown}" is refused: ${why}`, who_);
}

/** True when the reference aims outside the place it is allowed to name. */
function pointsOutside(reference: string, kind: ReferenceKind): boolean {
  // A URL or built-in (`node:fs`, `data:…`, `https://…`) or a drive letter (`C:`).
  // `memory:Export` is not one of those: a module without "./", judged below.
  if (/^(?:[a-z]|node|data|file|https?|blob|javascript|ftp|wss?):/i.test(reference)) return true;
  if (reference.startsWith('/') || reference.startsWith('\\')) return true;
  const colon = reference.lastIndexOf(':');
  const module = colon === -1 ? reference : reference.slice(0, colon);
  const segments = module.split(/[/\\]/);
  if (segments.includes('..') || segments.includes('node_modules')) return true;
  // In a manifest, anything but `.` or `./…` names another package.
  return kind === 'package' && module !== '.' && !module.startsWith('./');
}
