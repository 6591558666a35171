/**
 * Where the tour keeps its samples. By default an SQLite file through Node's
 * built-in `node:sqlite` (no dependency), in a folder made for this run alone
 * under the system's temp folder: two tours at once never share a database,
 * and the file survives the run so it can be looked at afterwards (the tour
 * prints its path). `--storage URL` chooses another driver by its scheme.
 *
 * A URL the user gives is never emptied: the tour reads what was there before
 * and totals only what it added (`meter-totals.ts`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The prefix of each run's own folder under the temp folder. */
export const DEFAULT_STORAGE_PREFIX = 'plugin-patterns-tour-';

/** The URL to use; for the default, `sqlite:///…/meter.db` in a fresh, empty folder. */
export function prepareStorage(url: string | undefined): string {
  if (url !== undefined) return url;
  const file = join(mkdtempSync(join(tmpdir(), DEFAULT_STORAGE_PREFIX)), 'meter.db');
  // The file path as the path of a three-slash URL.
  return `sqlite://${pathToFileURL(file).pathname}`;
}

/** The file behind a file-backed URL (`sqlite:///…`, `jsonl:///…`), for the printout. */
export function storageFile(url: string): string | undefined {
  const match = /^(sqlite|jsonl):\/\/(\/.*)$/.exec(url);
  if (match === null || match[2] === undefined) return undefined;
  try {
    return decodeURIComponent(new URL(`file://${match[2]}`).pathname);
  } catch {
    return undefined;
  }
}
