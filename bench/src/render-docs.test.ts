import { describe, expect, it } from 'vitest';
import { renderDocs } from './render-docs.ts';
import type { ResultsFile, RowResult } from './report/results.ts';

const row = (over: Partial<RowResult>): RowResult => ({
  id: 'row',
  label: 'a figure',
  unit: 'ms',
  value: 3,
  baseline: { label: 'the floor', value: 1, unit: 'ms' },
  ratio: 3,
  target: { on: 'value', max: 2, text: '≤2 ms' },
  verdict: 'missed',
  samples: 9,
  aggregate: 'median',
  ...over,
});

const results: ResultsFile = {
  schema: 1,
  quick: false,
  startedAt: '2025-01-02T03:04:05.000Z',
  seconds: 120,
  machine: {
    cpu: 'Test CPU @ 3.00GHz',
    cores: 2,
    memoryGiB: 8,
    os: 'linux 6.0 x64',
    node: 'v24.0.0',
    load: { start: 0.5, end: 1.5 },
  },
  benchmarks: [
    {
      id: 'b',
      title: 'A benchmark',
      about: 'What it asks.',
      file: 'bench/src/benchmarks/cold-discovery.ts',
      seconds: 1,
      rows: [
        row({ id: 'slow', label: 'slow | thing', cause: 'it stats every node_modules/<name>' }),
        row({ id: 'fast', label: 'fast thing', value: 1, ratio: 1, verdict: 'met' }),
        row({
          id: 'ctx',
          label: 'context thing',
          target: null,
          verdict: 'context',
          detail: 'the median of 3 processes (ratios 1.10x, 1.20x, 1.30x)',
        }),
      ],
    },
  ],
};

describe('renderDocs', () => {
  const page = renderDocs(results);

  it('names the machine and the Node version the run was taken on', () => {
    expect(page).toMatch(/^\| CPU +\| Test CPU @ 3\.00GHz +\|$/m);
    expect(page).toMatch(/^\| cores +\| 2 +\|$/m);
    expect(page).toMatch(/^\| memory +\| 8\.00 GiB +\|$/m);
    expect(page).toMatch(/^\| Node +\| v24\.0\.0 +\|$/m);
  });

  it('counts targets met and lists each missed one with its figures', () => {
    expect(page).toContain('**1 of 2 targets met; 1 missed:**');
    expect(page).toContain('- slow | thing: 3.00 ms, 3.00x the baseline; target ≤2 ms.');
  });

  it("notes each row's baseline, samples and detail apart, without nesting brackets", () => {
    expect(page).toContain(
      '- _context thing_: baseline the floor; median of 9; the median of 3 processes (ratios 1.10x, 1.20x, 1.30x).',
    );
  });

  it('puts every row in the table, escaping pipes, with its verdict', () => {
    expect(page).toMatch(
      /^\| slow \\\| thing +\| +3\.00 ms \| +1\.00 ms \| +3\.00x \| ≤2 ms +\| \*\*MISSED \(1\.50x over\)\*\* +\|$/m,
    );
    expect(page).toMatch(
      /^\| fast thing +\| +1\.00 ms \| +1\.00 ms \| +1\.00x \| ≤2 ms +\| met +\|$/m,
    );
    expect(page).toMatch(
      /^\| context thing +\| +3\.00 ms \| +1\.00 ms \| +3\.00x \| — +\| — \(context\) +\|$/m,
    );
  });

  it('pads every line of a table to one width, as the formatter would', () => {
    const lines = page.split('\n');
    const start = lines.findIndex((line) => line.startsWith('| figure'));
    const table = lines.slice(start, start + 5);
    expect(table[1]).toMatch(/^\| -+ \| -+: \| -+: \| -+: \| -+ \| -+ \|$/);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });

  it('gives the cause of a miss beside it', () => {
    expect(page).toContain('**Missed** — cause: it stats every node_modules/&lt;name&gt;.');
    expect(page).not.toContain('<name>');
  });

  it('shows commands as sh and no program samples', () => {
    expect(page).toContain('```sh\npnpm bench\n');
    expect(page).not.toMatch(/```(ts|js)/);
  });

  it('warns when the results come from a quick run', () => {
    expect(renderDocs({ ...results, quick: true })).toContain('`--quick` smoke run');
    expect(page).not.toContain('`--quick` smoke run');
  });
});
