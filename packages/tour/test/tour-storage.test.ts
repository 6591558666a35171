/**
 * The tour on other storages: `--storage` chooses the driver by the URL's
 * scheme, and whatever the driver, the totals read back equal what was
 * written. Without a URL each run gets an SQLite file in a folder of its
 * own, so two tours at once never share (or delete) each other's database.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_STORAGE_PREFIX, runTour, type TourResult } from '../src/index.ts';

const repoRoot = resolve(import.meta.dirname, '../../..');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The folder the run's default database went to, remembered for clean-up. */
function folderOf(result: TourResult): string {
  const file = result.storage.file ?? '';
  made.push(dirname(file));
  return dirname(file);
}

describe('tour storage', () => {
  it('writes to a JSON-lines file when given a jsonl: URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-tour-jsonl-'));
    made.push(dir);
    const file = join(dir, 'samples.jsonl');
    const result = await runTour({ storage: `jsonl://${file}` });
    expect(result.storage).toEqual({ url: `jsonl://${file}`, driver: 'jsonl', file });
    expect(existsSync(file)).toBe(true);
    expect(result.endToEnd.readBack).toEqual(result.endToEnd.writtenTotals);
  }, 60_000);

  it('uses an SQLite file in a fresh folder of its own by default, one per run', async () => {
    const a = await runTour();
    const b = await runTour();
    expect(a.storage.driver).toBe('sqlite');
    expect(a.storage.url).toBe(`sqlite://${a.storage.file}`);
    expect(folderOf(a)).not.toBe(folderOf(b));
    for (const run of [a, b]) {
      expect(folderOf(run).startsWith(join(tmpdir(), DEFAULT_STORAGE_PREFIX))).toBe(true);
      expect(existsSync(run.storage.file ?? '')).toBe(true);
    }
    // Each started empty: what was read back is what that run wrote, no more.
    expect(b.endToEnd.written.samples).toBe(a.endToEnd.written.samples);
    expect(b.endToEnd.readBack).toEqual(b.endToEnd.writtenTotals);
  }, 120_000);

  it('runs twice at once, as two processes, and both pass', async () => {
    const runs = await Promise.all([tourProcess(), tourProcess()]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Every total read back equals what was written.');
    }
    const files = runs.map((run) => /file: (\S+)/.exec(run.stdout)?.[1] ?? '');
    for (const file of files) made.push(dirname(file));
    expect(files[0]).not.toBe(files[1]);
  }, 120_000);
});

/** `pnpm tour`, as a reader runs it: the CLI's bin on the tour package, in a process of its own. */
function tourProcess(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bin = join(repoRoot, 'packages/cli/src/bin.ts');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const child = spawn(
    process.execPath,
    ['--conditions=@plugin-patterns/source', bin, 'tour', '--cwd', 'packages/tour', '--verbose'],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}
