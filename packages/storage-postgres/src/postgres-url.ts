/**
 * Reading the driver's URL: `postgres://user[:password]@host[:port]/database`,
 * with `postgresql:` as an alias (libpq accepts both, so hosts copy either).
 * One query parameter is the driver's own, `table` (default `meter_samples`);
 * the others (`sslmode`, `application_name`…) go on to the client library.
 *
 * A URL that is wrong (another scheme, a table name that is not a plain SQL
 * identifier) throws at construction: that is a typo to fix. A URL that names
 * no host is not wrong, only not configured: the driver is then built, and
 * its availability check says why it cannot run, so the host disables it
 * instead of failing.
 */
import { InvalidStorageUrlError } from '@plugin-patterns/meter-contracts';

export const DRIVER = 'postgres';
export const DEFAULT_TABLE = 'meter_samples';
const EXPECTED = 'postgres://user[:password]@host[:port]/database[?table=name]';
const SCHEMES = new Set(['postgres:', 'postgresql:']);
/** Unquoted-safe, lower-case, within PostgreSQL's 63-byte identifier limit. */
const TABLE = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresUrl {
  /** What the client library is given: the URL without the driver's own parameters. */
  readonly connectionString: string;
  readonly table: string;
  /** The URL with its password hidden: for messages and reports. */
  readonly redacted: string;
  /** Why the URL leads to no server, when it names no host. */
  readonly notConfigured: string | undefined;
}

export function parsePostgresUrl(url: string): PostgresUrl {
  if (typeof url !== 'string' || !URL.canParse(url)) {
    throw new InvalidStorageUrlError(DRIVER, String(url), EXPECTED, 'it is not a valid URL');
  }
  const parsed = new URL(url);
  const redacted = redact(parsed);
  if (!SCHEMES.has(parsed.protocol)) {
    throw new InvalidStorageUrlError(
      DRIVER,
      redacted,
      EXPECTED,
      `the scheme is "${parsed.protocol}", not postgres: or postgresql:`,
    );
  }
  const table = parsed.searchParams.get('table') ?? DEFAULT_TABLE;
  if (!TABLE.test(table)) {
    throw new InvalidStorageUrlError(
      DRIVER,
      redacted,
      EXPECTED,
      `the table "${table}" is not a lower-case SQL identifier of at most 63 characters`,
    );
  }
  parsed.searchParams.delete('table');
  const notConfigured =
    parsed.hostname === ''
      ? `no PostgreSQL server is configured: the URL "${redacted}" names no host (expected ${EXPECTED})`
      : undefined;
  return { connectionString: parsed.href, table, redacted, notConfigured };
}

function redact(url: URL): string {
  if (url.password === '') return url.href;
  const copy = new URL(url.href);
  copy.password = '***';
  return copy.href;
}
