/**
 * Storage URLs. The host chooses a driver by the scheme of a URL, the way
 * SQLAlchemy chooses a dialect, and hands the whole URL to that driver; the
 * driver reads its own parts here. A URL the driver cannot use is refused at
 * construction with what it expects, so a typo in a host's configuration is
 * found at start-up rather than at the first write.
 */
import { fileURLToPath } from 'node:url';
import { InvalidStorageUrlError } from '@plugin-patterns/meter-contracts';

export interface UrlRule {
  /** The driver's name, shown in the error, e.g. `SqliteStorage`. */
  readonly driver: string;
  /** e.g. `sqlite`, without the colon. */
  readonly scheme: string;
  /** What the driver accepts, shown in the error. */
  readonly expected: string;
}

/**
 * The absolute file path of `scheme:///absolute/path`. Three slashes: the
 * empty host, then the path, exactly as in a `file:` URL, which is what the
 * path is turned into so that Node decodes it (`%20`, drive letters).
 */
export function filePathOf(url: unknown, rule: UrlRule): string {
  const text = textOf(url, rule);
  const refuse = (why: string) => new InvalidStorageUrlError(rule.driver, text, rule.expected, why);
  if (!text.startsWith(`${rule.scheme}:`)) throw refuse(`the scheme is not ${rule.scheme}:`);
  if (!text.startsWith(`${rule.scheme}://`)) throw refuse('the path must follow "//"');
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw refuse('it is not a valid URL');
  }
  if (parsed.host !== '') {
    throw refuse(`"${parsed.host}" reads as a host name; an absolute path needs three slashes`);
  }
  if (parsed.search !== '' || parsed.hash !== '') throw refuse('it has a query or a fragment');
  if (parsed.pathname === '' || parsed.pathname.endsWith('/')) {
    throw refuse('it names a folder, not a file');
  }
  try {
    return fileURLToPath(`file://${parsed.pathname}`);
  } catch (cause) {
    throw refuse(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Refuses anything but the one URL a driver accepts, e.g. `memory:`. */
export function requireExactUrl(url: unknown, exact: string, rule: UrlRule): string {
  const text = textOf(url, rule);
  if (text !== exact) throw new InvalidStorageUrlError(rule.driver, text, rule.expected);
  return text;
}

function textOf(url: unknown, rule: UrlRule): string {
  if (typeof url === 'string') return url;
  throw new InvalidStorageUrlError(rule.driver, String(url), rule.expected, 'no URL was given');
}
