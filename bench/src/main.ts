/**
 * `pnpm bench`: runs every benchmark, each in a process of its own (a
 * benchmark of a call in several, its rows then taken across them by
 * harness/across-processes.ts), prints a table per benchmark, writes the
 * results as JSON and regenerates the docs page from that JSON.
 *
 *     pnpm bench                       full run: bench/results/latest.json + docs/benchmarks.md
 *     pnpm bench --only iterator-map   some benchmarks (comma-separated ids); writes nothing by default
 *     pnpm bench --quick --out <file>  smoke run: tiny counts, figures not meaningful
 *
 * A partial or quick run never overwrites the committed results unless
 * `--out` says so: those files are a full run's.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Measured } from './benchmark.ts';
import { Installs } from './fixtures/installs.ts';
import { acrossProcesses } from './harness/across-processes.ts';
import { DEFAULT_DOCS, DEFAULT_RESULTS, renderDocs } from './render-docs.ts';
import { describeMachine, oneMinuteLoad } from './report/machine.ts';
import {
  type BenchmarkResult,
  RESULTS_SCHEMA,
  type ResultsFile,
  rowResults,
} from './report/results.ts';
import { printTable } from './report/table.ts';
import { BENCHMARKS } from './suite.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    docs: { type: 'string' },
  },
});
const full = !values.quick && values.only === undefined;
const wanted = values.only?.split(',').map((id) => id.trim());
const unknown = wanted?.filter((id) => !BENCHMARKS.some((b) => b.id === id)) ?? [];
if (unknown.length > 0) {
  throw new Error(
    `no benchmark ${unknown.join(', ')}; one of ${BENCHMARKS.map((b) => b.id).join(', ')}`,
  );
}
const selected = BENCHMARKS.filter((b) => wanted === undefined || wanted.includes(b.id));
const out = values.out ?? (full ? DEFAULT_RESULTS : undefined);
const docs = values.docs ?? (full ? DEFAULT_DOCS : undefined);

const startedAt = new Date();
const loadAtStart = oneMinuteLoad();
const installs = new Installs();
const results: BenchmarkResult[] = [];
const write = (line: string) => process.stdout.write(`${line}\n`);
write(
  `plugin-patterns benchmarks${values.quick ? ' (quick smoke run: figures not meaningful)' : ''}`,
);
try {
  for (const benchmark of selected) {
    const started = performance.now();
    process.stderr.write(`${benchmark.id}\n`);
    // A quick smoke run checks that every figure comes out, once.
    const processes = values.quick ? 1 : (benchmark.processes ?? 1);
    const runs = Array.from({ length: processes }, (_, k) => {
      if (processes > 1) process.stderr.write(`  process ${k + 1} of ${processes}\n`);
      return runInChild(benchmark.id, installs.root, values.quick);
    });
    const measured = acrossProcesses(runs);
    const result: BenchmarkResult = {
      id: benchmark.id,
      title: benchmark.title,
      about: benchmark.about,
      file: benchmark.file,
      seconds: Math.round(performance.now() - started) / 1000,
      rows: rowResults(benchmark, measured),
    };
    results.push(result);
    printTable(result, write);
  }
} finally {
  installs.remove();
}

const file: ResultsFile = {
  schema: RESULTS_SCHEMA,
  quick: values.quick,
  startedAt: startedAt.toISOString(),
  seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
  machine: describeMachine(loadAtStart),
  benchmarks: results,
};
const rows = results.flatMap((r) => r.rows);
const missed = rows.filter((r) => r.verdict === 'missed').length;
const targeted = rows.filter((r) => r.verdict !== 'context').length;
write('');
write(
  `${targeted - missed} of ${targeted} targets met, ${missed} missed; ${file.seconds} s on ${file.machine.cpu} (${file.machine.cores} cores), Node ${file.machine.node}`,
);
if (out !== undefined) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
  write(`results: ${out}`);
}
if (docs !== undefined) {
  writeFileSync(docs, renderDocs(file));
  write(`docs: ${docs}`);
}

/** One benchmark in a fresh process (see run-benchmark.ts). */
function runInChild(id: string, installsRoot: string, quick: boolean): Record<string, Measured> {
  const args = [
    '--conditions=@plugin-patterns/source',
    join(import.meta.dirname, 'run-benchmark.ts'),
    id,
    '--installs',
    installsRoot,
    ...(quick ? ['--quick'] : []),
  ];
  const stdout = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as Record<string, Measured>;
}
