/**
 * agent-process.ts refuses a PREFETCH that is not a positive whole number
 * with its usage line and exit code 2, before it loads anything: Number()
 * alone made 'abc' NaN, '' 0 and '1e3' a thousand.
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

const AGENT = new URL('./agent-process.ts', import.meta.url).pathname;

it.each(['abc', '0', '-4', '1.5', '', '1e3', '0x10', ' 8'])(
  'refuses the prefetch %j with its usage and exit code 2',
  (prefetch) => {
    const run = spawnSync(
      process.execPath,
      ['--conditions=@plugin-patterns/source', AGENT, 'memory:', 'memory:', prefetch],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^usage: agent-process\.ts TRANSPORT_URL STORAGE_URL \[PREFETCH\]\n/,
    );
    expect(run.stdout).toBe('');
  },
);
