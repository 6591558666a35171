// The enforcement comparison on its own, on the tour host's package scan:
// which way stops which plugin, and for which reason.
import { fileURLToPath } from 'node:url';
import { createPalette } from '@plugin-patterns/cli';
import { packageScan } from '@plugin-patterns/loader';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareEnforcement, renderEnforcementTable } from './enforcement-table.ts';
import type { EnforcementRow } from './tour-result.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
let rows: EnforcementRow[];

beforeAll(async () => {
  rows = await compareEnforcement(packageScan({ cwd: root, cache: false }), { timeoutMs: 50 });
}, 30_000);

const verdict = (way: string, plugin: string) =>
  rows.find((r) => r.way === way)?.verdicts.find((v) => v.plugin === plugin);

describe('the three load-time checks', () => {
  it('all refuse breaks-contract, each naming the missing poll', () => {
    expect(verdict('convention', 'breaks-contract')?.detail).toBe(
      'does not meet the Pollster contract: poll: missing (expected a function)',
    );
    expect(verdict('abstract class', 'breaks-contract')?.detail).toBe(
      'does not meet the PollsterBase class contract: poll: missing: PollsterBase declares it abstract',
    );
    expect(verdict('Standard Schema', 'breaks-contract')?.detail).toMatch(
      /^does not meet the valibot schema contract: poll: /,
    );
  });

  it('all pass the well-formed plugins that fail only when called, and cpu', () => {
    for (const way of ['convention', 'abstract class', 'Standard Schema']) {
      for (const plugin of ['throws', 'never-settles', 'wrong-shape', 'throws-non-error', 'cpu']) {
        expect(verdict(way, plugin)?.outcome, `${way}: ${plugin}`).toBe('passed');
      }
    }
  });
});

describe('the check by class', () => {
  it('refuses uptime, which works but does not extend PollsterBase', () => {
    expect(verdict('abstract class', 'uptime')).toEqual({
      plugin: 'uptime',
      outcome: 'caught',
      caughtAt: 'enforcement',
      detail:
        'does not meet the PollsterBase class contract: expected an instance of PollsterBase, got an instance of UptimePollster',
    });
    for (const way of ['convention', 'Standard Schema', 'call guard']) {
      expect(verdict(way, 'uptime')?.outcome, way).toBe('passed');
    }
  });
});

describe('the call guard', () => {
  it('calls only what loaded, and passes the good pollsters', () => {
    expect(verdict('call guard', 'import-fails')?.outcome).toBe('not reached');
    expect(verdict('call guard', 'breaks-contract')?.outcome).toBe('not reached');
    expect(verdict('call guard', 'cpu')?.detail).toBe('answers Sample[]');
    expect(verdict('call guard', 'uptime')?.detail).toBe('answers Sample[]');
  });
});

describe('renderEnforcementTable', () => {
  it('prints one row per plugin, the good ones last, and one line per distinct reason', () => {
    const text = renderEnforcementTable(rows, { palette: createPalette(false) });
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      'Enforcement: where each faulty plugin is stopped (cpu and uptime are good ones)',
    );
    expect(lines.slice(2, 10).map((line) => line.split(/\s+/)[0])).toEqual([
      'import-fails',
      'breaks-contract',
      'throws',
      'never-settles',
      'wrong-shape',
      'throws-non-error',
      'cpu',
      'uptime',
    ]);
    expect(lines[9]).toMatch(/^uptime\s+passes\s+enforcement\s+passes\s+passes$/);
    expect(text).toContain('  uptime (abstract class): does not meet the PollsterBase class');
    expect(text).not.toContain('  cpu (');
  });
});
