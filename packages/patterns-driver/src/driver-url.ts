/**
 * Choosing a driver by URL: the scheme names the plugin, the rest is the
 * driver's own business. It is how SQLAlchemy picks a dialect from
 * `postgresql://…`, and how a metering host picks its storage from
 * `sqlite:///var/lib/meter.db`: one configuration string says both which
 * plugin to load and what to hand it.
 *
 * Only the scheme is interpreted here. Everything after `scheme:` is passed
 * on untouched, because each driver reads its URL its own way (`sqlite::memory:`
 * is not a path, `memory:` has nothing after the colon). The whole string is
 * still checked with the WHATWG URL parser, so that a URL no driver could read
 * (a port of 99999, a broken IPv6 host) is refused here, by name, before
 * any plugin code is imported.
 */
import { PluginError } from '@plugin-patterns/loader';
import { typeName } from '@plugin-patterns/loader/invocation';

/** A driver URL, split where the driver pattern needs it. */
export interface DriverUrl {
  /** The URL exactly as given, credentials included: hand this to the driver. */
  readonly href: string;
  /** The scheme, lower-cased (schemes are case-insensitive): the plugin's name. */
  readonly scheme: string;
  /** Everything after `scheme:`, e.g. `///var/lib/meter.db` or `:memory:`. */
  readonly rest: string;
  /** The URL with any password replaced by `***`: safe for errors and logs. */
  readonly redacted: string;
}

/** RFC 3986: a letter, then letters, digits, `+`, `-` or `.`. */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/** The URL cannot name a driver. `problem` says what is wrong with it. */
export class InvalidDriverUrlError extends PluginError {
  override readonly code: string = 'DRIVER_URL_INVALID';
  /** The URL as given, password redacted. */
  readonly url: string;
  readonly problem: string;
  constructor(url: string, problem: string, who: { readonly namespace: string }) {
    super(`invalid driver URL "${url}": ${problem}`, {
      namespace: who.namespace,
      stage: 'enabling',
    });
    this.url = url;
    this.problem = problem;
  }
}

export interface ParseDriverUrlOptions {
  /** The namespace the driver is wanted for; named in the error. */
  readonly namespace: string;
}

/**
 * Splits a driver URL into scheme and rest, or throws InvalidDriverUrlError
 * saying what is wrong: not a string, empty, no scheme, a scheme with bad
 * characters, or a URL the WHATWG parser refuses.
 */
export function parseDriverUrl(url: unknown, options: ParseDriverUrlOptions): DriverUrl {
  const refuse = (shown: string, problem: string): InvalidDriverUrlError =>
    new InvalidDriverUrlError(shown, problem, options);

  if (typeof url !== 'string') {
    throw refuse(String(url), `a driver URL must be a string, not ${typeName(url)}`);
  }
  const shown = redactPassword(url);
  if (url.trim().length === 0) {
    throw refuse(shown, 'it is empty (expected SCHEME:…, e.g. memory: or sqlite:///path/meter.db)');
  }
  if (url !== url.trim()) throw refuse(shown, 'it starts or ends with white space');
  const colon = url.indexOf(':');
  if (colon === -1) {
    throw refuse(
      shown,
      'it has no scheme: a driver URL starts with the driver\'s name and a colon, e.g. "memory:"',
    );
  }
  const scheme = url.slice(0, colon);
  if (scheme.length === 0) throw refuse(shown, 'the scheme before ":" is empty');
  if (!SCHEME.test(scheme)) {
    throw refuse(
      shown,
      `the scheme "${scheme}" is not valid: it must start with a letter and hold only letters, digits, "+", "-" or "."`,
    );
  }
  if (!URL.canParse(url)) {
    throw refuse(shown, `the part after "${scheme}:" is not a valid URL (check the host and port)`);
  }
  return { href: url, scheme: scheme.toLowerCase(), rest: url.slice(colon + 1), redacted: shown };
}

/**
 * The URL with its password (if any) replaced by `***`. A database URL often
 * carries one, and error messages end up in logs.
 */
export function redactPassword(url: string): string {
  // `scheme://user:password@host`: the password ends at the last "@" of the authority.
  // The scheme is not checked here: a mistyped one (`postgresql//u:p@h`, `post gres://…`)
  // is exactly the URL that ends up in an error message.
  const match = /^([^/?#@]*\/\/[^/?#@:]*):([^/?#]*)@/.exec(url);
  if (match === null) return url;
  return `${match[1]}:***@${url.slice(match[0].length)}`;
}
