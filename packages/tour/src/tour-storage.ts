/**
 * Where the tour keeps its samples. By default an SQLite file through Node's
 * built-in `node:sqlite` (no dependency, survives the run so it can be looked
 * at afterwards), always at the same path so the output is the same on every
 * run; `--storage URL` chooses another driver by its scheme.
 *
 * The default file is the tour's own scratch space, so it is emptied at the
 * start of each run. A URL the user gives is never emptied: the tour reads
 * what was there before and totals only what it added (`meter-totals.ts`).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_STORAGE_FILE: string = join(tmpdir(), 'plugin-patterns-tour', 'meter.db');

/** `sqlite:///…/meter.db`: the file path as the path of a three-slash URL. */
export const DEFAULT_STORAGE_URL: string = `sqlite://${pathToFileURL(DEFAULT_STORAGE_FILE).pathname}`;

/** The URL to use; for the default, an empty file in a folder that exists. */
export function prepareStorage(url: string | undefined): string {
  if (url !== undefined) return url;
  mkdirSync(join(DEFAULT_STORAGE_FILE, '..'), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    rmSync(`${DEFAULT_STORAGE_FILE}${suffix}`, { force: true });
  }
  return DEFAULT_STORAGE_URL;
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
