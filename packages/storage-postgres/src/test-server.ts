/**
 * Where the server tests find PostgreSQL, decided once per test file:
 *
 * 1. `PLUGIN_PATTERNS_POSTGRES_URL` is set (CI sets it from
 *    scripts/postgres/start.sh): use that server.
 * 2. It is not set and `CI` is: a test that fails says so. CI must run these
 *    tests, never skip them.
 * 3. Neither (a developer's machine): start a private throwaway server with the
 *    same script (scripts/throwaway-server.ts), if PostgreSQL is installed, and
 *    stop it afterwards. If it is not installed, the server tests are reported
 *    as not run, with the reason.
 *
 * Each test store is its own table (`?table=`), named after this run, so tests
 * never see each other's samples and `dropTables()` leaves the database clean.
 */
import { Pool } from 'pg';
import { throwawayServer } from '../../../scripts/throwaway-server.ts';

export const URL_VARIABLE = 'PLUGIN_PATTERNS_POSTGRES_URL';

export interface TestServer {
  /** The server's URL; undefined when there is none to test against. */
  readonly url: string | undefined;
  /** Why there is no server: a failure in CI, a "not run" note elsewhere. */
  readonly missing: { readonly fatal: boolean; readonly why: string } | undefined;
  stop(): Promise<void>;
}

export async function testServer(): Promise<TestServer> {
  const given = process.env[URL_VARIABLE];
  if (given !== undefined && given !== '') return { url: given, missing: undefined, stop: noop };
  if (process.env.CI) {
    const why =
      `${URL_VARIABLE} is not set, and CI must run the PostgreSQL tests: start a server with ` +
      `eval "$(bash scripts/postgres/start.sh)" before the tests`;
    return { url: undefined, missing: { fatal: true, why }, stop: noop };
  }
  try {
    const server = await throwawayServer('postgres');
    return { url: server.url, missing: undefined, stop: server.stop };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      url: undefined,
      missing: { fatal: false, why: `PostgreSQL tests not run: ${why}` },
      stop: noop,
    };
  }
}

/**
 * Reports a missing server: in CI as a failing test, elsewhere as a warning
 * (the server tests themselves are then registered as skipped).
 */
export function reportMissingServer(
  server: TestServer,
  it: (name: string, body: () => void) => unknown,
): void {
  const missing = server.missing;
  if (missing === undefined) return;
  if (missing.fatal) {
    it('has a PostgreSQL server to test against', () => {
      throw new Error(missing.why);
    });
  } else {
    console.warn(missing.why);
  }
}

/** A URL for a new, empty store: the same server, a table of its own. */
export function tableUrl(url: string, table: string): string {
  const copy = new URL(url);
  copy.searchParams.set('table', table);
  return copy.href;
}

/** Drops the tables whose names start with `prefix`. */
export async function dropTables(url: string, prefix: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, $1)`,
      [prefix],
    );
    for (const { name } of rows) await pool.query(`DROP TABLE IF EXISTS "${name}"`);
  } finally {
    await pool.end();
  }
}

/** A table prefix unique to this test run. */
export function runPrefix(label: string): string {
  return `t_${label}_${process.pid}_${Math.floor(Math.random() * 1e6)}_`;
}

async function noop(): Promise<void> {}
