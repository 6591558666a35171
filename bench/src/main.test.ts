/**
 * The smoke test of `pnpm bench`: a `--quick` run (tiny iteration counts,
 * small installs) end to end, in a child process as the real command runs.
 * It checks the shape of what a run produces — every declared figure, each
 * with its baseline, ratio, target and verdict, the machine, and a docs page
 * with no program samples — never the figures themselves (no timing
 * assertions: the numbers are the benchmark's business, not the test's).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile } from './report/results.ts';
import { BENCHMARKS } from './suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
const out = join(dir, 'latest.json');
const docs = join(dir, 'benchmarks.md');
let stdout = '';
let results: ResultsFile;
let page = '';

beforeAll(() => {
  stdout = execFileSync(
    process.execPath,
    [
      '--conditions=@plugin-patterns/source',
      join(import.meta.dirname, 'main.ts'),
      '--quick',
    ].concat(['--out', out, '--docs', docs]),
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 },
  );
  results = JSON.parse(readFileSync(out, 'utf8')) as ResultsFile;
  page = readFileSync(docs, 'utf8');
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a quick run', () => {
  it('says it is quick, in the JSON and on the page', () => {
    expect(results.quick).toBe(true);
    expect(page).toContain('`--quick` smoke run');
  });

  it('records the machine and the Node version', () => {
    expect(results.machine.cpu).not.toBe('');
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.memoryGiB).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
  });

  it('runs every benchmark, in the suite order', () => {
    expect(results.benchmarks.map((b) => b.id)).toEqual(BENCHMARKS.map((b) => b.id));
  });

  it('has every declared figure with its baseline, ratio, target and verdict', () => {
    for (const benchmark of BENCHMARKS) {
      const measured = results.benchmarks.find((b) => b.id === benchmark.id);
      expect(measured?.rows.map((r) => r.id)).toEqual(benchmark.rows.map((r) => r.id));
      for (const [i, row] of (measured?.rows ?? []).entries()) {
        const spec = benchmark.rows[i];
        const where = `${benchmark.id}/${row.id}`;
        expect(Number.isFinite(row.value), where).toBe(true);
        expect(Number.isFinite(row.baseline.value), where).toBe(true);
        expect(row.baseline.label, where).toBe(spec?.baseline);
        expect(Number.isFinite(row.ratio), where).toBe(true);
        expect(row.target, where).toEqual(spec?.target ?? null);
        expect(row.verdict, where).toBe(spec?.target === undefined ? 'context' : row.verdict);
        expect(['met', 'missed', 'context'], where).toContain(row.verdict);
        expect(row.samples, where).toBeGreaterThan(0);
      }
    }
  });

  it('prints a table row per figure, with its target and verdict', () => {
    for (const row of results.benchmarks.flatMap((b) => b.rows)) {
      const line = stdout.split('\n').find((l) => l.startsWith(row.label));
      expect(line, row.id).toBeDefined();
      expect(line).toContain(row.target?.text ?? '—');
      expect(line).toMatch(row.verdict === 'missed' ? /MISSED/ : /met|context/);
    }
  });

  it('writes a docs page that shows every figure and no program sample', () => {
    for (const row of results.benchmarks.flatMap((b) => b.rows)) expect(page).toContain(row.label);
    expect(page).toContain(results.machine.cpu);
    expect(page).toContain(results.machine.node);
    expect(page).not.toMatch(/^\s*```\s*(ts|typescript|js|javascript|mjs|cjs|mts|cts|tsx|jsx)\b/im);
  });
});
