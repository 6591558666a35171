/**
 * The tour on other storages: `--storage` chooses the driver by the URL's
 * scheme, and whatever the driver, the totals read back equal what was written.
 * Without a URL the tour uses its own SQLite file, emptied at each start.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORAGE_FILE, DEFAULT_STORAGE_URL, runTour } from '../src/index.ts';

describe('tour storage', () => {
  it('writes to a JSON-lines file when given a jsonl: URL', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pp-tour-jsonl-')), 'samples.jsonl');
    const result = await runTour({ storage: `jsonl://${file}` });
    expect(result.storage).toEqual({ url: `jsonl://${file}`, driver: 'jsonl', file });
    expect(existsSync(file)).toBe(true);
    expect(result.endToEnd.readBack).toEqual(result.endToEnd.writtenTotals);
  });

  it('uses its own SQLite file by default, starting empty each time', async () => {
    const a = await runTour();
    const b = await runTour();
    expect(a.storage).toEqual({
      url: DEFAULT_STORAGE_URL,
      driver: 'sqlite',
      file: DEFAULT_STORAGE_FILE,
    });
    expect(existsSync(DEFAULT_STORAGE_FILE)).toBe(true);
    expect(b.endToEnd.written.samples).toBe(a.endToEnd.written.samples);
    expect(b.endToEnd.readBack).toEqual(b.endToEnd.writtenTotals);
  });
});
