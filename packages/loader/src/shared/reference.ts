/**
 * Import references: the string a plugin author writes to say where the
 * plugin is, `MODULE:EXPORT` (the export defaults to `default`).
 *
 * In a package's manifest, MODULE is `.` or a `./subpath` of that same package:
 * a reference can never name another package, a parent folder, an absolute
 * path, a URL or a Node built-in. That rule is what makes "installing a
 * package" the only way to add code, and it is checked here, before anything is
 * resolved or imported. In a host's own list of references, MODULE is instead a
 * bare package specifier (`@scope/name/subpath`), looked up from the host.
 */
import { typeName } from './type-name.ts';
import { unsafeCharacterKind } from './unsafe-text.ts';
export interface ParsedReference {
  /** `.` / `./subpath` (package-relative) or a bare specifier (host list). */
  readonly module: string;
  readonly exportName: string;
}

export type ParseResult =
  | { readonly ok: true; readonly reference: ParsedReference }
  | { readonly ok: false; readonly why: string };

/** Schemes that turn a reference into a URL or a built-in: never allowed. */
const URL_SCHEMES = new Set([
  'node',
  'data',
  'file',
  'http',
  'https',
  'blob',
  'javascript',
  'ftp',
  'ws',
  'wss',
]);
/** An identifier a module can export (reserved keys are refused separately). */
export const EXPORT_NAME: RegExp = /^[A-Za-z_$][\w$]*$/;
const MAX_REFERENCE_LENGTH = 1024;

/**
 * `.` or `./` and path segments that start with a letter, digit or `_` (so
 * never `.`, `..` or empty) and are not `node_modules`, then an optional
 * `:Export` that is an identifier and not a key of Object.prototype's kind.
 */
const PLAIN_REFERENCE =
  /^\.(?:\/(?!node_modules(?:[/:]|$))\w[\w.-]*)*(?::(?!(?:__proto__|constructor|prototype)$)[A-Za-z_$][\w$]*)?$/;

/**
 * True for a reference of the plainest form, of at most 256 characters: one
 * that parsePackageReference accepts (it allows more) and splits at its last
 * `:`. Nearly every reference is of this form, and one regular expression
 * decides it, where the full parse takes several passes.
 */
export function isPlainReference(reference: unknown): reference is string {
  return (
    typeof reference === 'string' && reference.length <= 256 && PLAIN_REFERENCE.test(reference)
  );
}

/** Parses a reference declared in a package's manifest (package-relative). */
export function parsePackageReference(text: unknown): ParseResult {
  if (isPlainReference(text)) return { ok: true, reference: splitAtExport(text) };
  return parseAnyPackageReference(text);
}

/**
 * MODULE and EXPORT of a reference: split at its last `:`, the `default`
 * export when there is none. It checks nothing, so it is for references
 * a parse has accepted (as every declaration a scan or cache keeps has been),
 * and for the parse itself, which checks the two parts next.
 */
export function splitAtExport(reference: string): ParsedReference {
  const colon = reference.lastIndexOf(':');
  return colon === -1
    ? { module: reference, exportName: 'default' }
    : { module: reference.slice(0, colon), exportName: reference.slice(colon + 1) };
}

/** The whole parse of a package reference, plain or not (parsePackageReference's own fallback). */
export function parseAnyPackageReference(text: unknown): ParseResult {
  const split = splitReference(text);
  if (!split.ok) return split;
  const { module } = split.reference;
  if (module !== '.' && !module.startsWith('./')) {
    return refuse(
      module.startsWith('/')
        ? 'an absolute path is not inside the package'
        : module.startsWith('../') || module === '..'
          ? 'it climbs out of the package'
          : 'it names another package; a reference must start with "./" (a module of its own package)',
    );
  }
  const bad = badSubpath(module);
  return bad === undefined ? split : refuse(bad);
}

/** Parses a reference from a host's explicit list: a bare package specifier. */
export function parseSpecifierReference(text: unknown): ParseResult {
  const split = splitReference(text);
  if (!split.ok) return split;
  const { module } = split.reference;
  if (module.startsWith('.') || module.startsWith('/')) {
    return refuse('a relative or absolute path is a file, not a package: use the file list source');
  }
  const name = packageNameOf(module);
  if (name === undefined) return refuse(`"${module}" is not a valid package specifier`);
  const bad = badSubpath(`.${module.slice(name.length)}`);
  return bad === undefined ? split : refuse(bad);
}

/** The package name part of a bare specifier: `@scope/name` or `name`. */
export function packageNameOf(specifier: string): string | undefined {
  const match = /^(@[a-z0-9~][\w.~-]*\/[a-z0-9~][\w.~-]*|[a-z0-9~][\w.~-]*)(\/|$)/i.exec(specifier);
  return match?.[1];
}

function splitReference(text: unknown): ParseResult {
  if (typeof text !== 'string')
    return refuse(`a reference must be a string, not ${typeName(text)}`);
  if (text.length === 0) return refuse('the reference is empty');
  if (text.length > MAX_REFERENCE_LENGTH)
    return refuse(`it is longer than ${MAX_REFERENCE_LENGTH} characters`);
  // Three defences, each with its own message (and its own test). The first is
  // the characters every message escapes (unsafe-text.ts): no honest module
  // specifier holds one, and a reference is kept raw in records and reports.
  const unsafe = unsafeCharacterKind(text);
  if (unsafe !== undefined) return refuse(`it contains ${unsafe}`);
  if (text.includes('\\')) {
    return refuse('it contains a backslash (a reference separates folders with "/")');
  }
  if (text.includes('%'))
    return refuse('it contains a percent sign (a reference is never URL-encoded)');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  if (scheme !== undefined && (scheme.length === 1 || URL_SCHEMES.has(scheme.toLowerCase()))) {
    return refuse(
      scheme.toLowerCase() === 'node'
        ? 'Node built-ins are not plugins'
        : scheme.length === 1
          ? 'an absolute path is not inside the package'
          : `a ${scheme}: URL is not inside the package`,
    );
  }
  const reference = splitAtExport(text);
  const { module, exportName } = reference;
  if (module.includes(':')) return refuse('it has more than one ":"');
  if (!EXPORT_NAME.test(exportName)) return refuse(`"${exportName}" is not a valid export name`);
  if (exportName === '__proto__' || exportName === 'constructor' || exportName === 'prototype') {
    return refuse(`"${exportName}" is not a plugin export`);
  }
  return { ok: true, reference };
}

/** Checks a `./subpath` segment by segment, so `./a/../../x` cannot slip through. */
function badSubpath(subpath: string): string | undefined {
  if (subpath === '.') return undefined;
  const segments = subpath.slice(2).split('/');
  if (segments.some((s) => s === '..')) return 'it climbs out of the package';
  if (segments.some((s) => s === '' || s === '.')) return 'it has an empty or "." path segment';
  if (segments.includes('node_modules')) return 'it reaches into node_modules (another package)';
  return undefined;
}

function refuse(why: string): ParseResult {
  return { ok: false, why };
}
