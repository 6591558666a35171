// The faulty plugins are tested for being faulty in exactly the advertised
// way: a host's tests rely on each failing the same way every time.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PollsterBase } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { BreaksContractPollster } from './breaks-contract.ts';
import { NeverSettlesPollster } from './never-settles.ts';
import { ThrowsPollster } from './throws.ts';
import { ThrowsNonErrorPollster } from './throws-non-error.ts';
import { WrongShapePollster } from './wrong-shape.ts';

const here = new URL('./', import.meta.url);

describe('import-fails', () => {
  it('throws while its module is evaluated', async () => {
    await expect(import('./import-fails.ts')).rejects.toThrow(
      'import-fails: the calibration table is missing',
    );
  });
});

describe('breaks-contract', () => {
  it('has meters but no poll', () => {
    const plugin = new BreaksContractPollster();
    expect(plugin.meters).toEqual(['faulty.contract']);
    expect('poll' in plugin).toBe(false);
  });

  it("extends the host's PollsterBase, so a check by class refuses it for the missing poll", () => {
    expect(new BreaksContractPollster()).toBeInstanceOf(PollsterBase);
  });
});

describe('the faulty plugins that fail only when called', () => {
  it('are well-formed: PollsterBase instances with meters and a poll method', () => {
    for (const Faulty of [
      ThrowsPollster,
      NeverSettlesPollster,
      WrongShapePollster,
      ThrowsNonErrorPollster,
    ]) {
      const plugin = new Faulty();
      expect(plugin, Faulty.name).toBeInstanceOf(PollsterBase);
      expect(plugin.meters.length, Faulty.name).toBeGreaterThan(0);
      expect(typeof plugin.poll, Faulty.name).toBe('function');
    }
  });
});

describe('throws', () => {
  it('throws an Error from poll', () => {
    expect(() => new ThrowsPollster().poll()).toThrow(Error);
  });
});

describe('throws-non-error', () => {
  it('throws a string from poll', () => {
    let thrown: unknown;
    try {
      new ThrowsNonErrorPollster().poll();
    } catch (value) {
      thrown = value;
    }
    expect(thrown).toBe('throws-non-error: sensor offline');
  });
});

describe('wrong-shape', () => {
  it('returns an object that is not an array of samples', () => {
    const result: unknown = new WrongShapePollster().poll();
    expect(Array.isArray(result)).toBe(false);
    expect(result).toEqual({ volume: 'high' });
  });
});

describe('never-settles', () => {
  it('returns a promise that has not settled after everything queued ran', async () => {
    const poll = new NeverSettlesPollster().poll();
    const later = new Promise((resolve) => setImmediate(resolve, 'pending'));
    expect(await Promise.race([poll.then(() => 'settled'), later])).toBe('pending');
  });

  it('does not keep a process alive', () => {
    const url = new URL('./never-settles.ts', import.meta.url).href;
    const script = `const { NeverSettlesPollster } = await import(${JSON.stringify(url)});
      new NeverSettlesPollster().poll(); console.log('polled, not waiting');`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.signal).toBeNull();
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('polled, not waiting');
  });
});

describe('every faulty module', () => {
  it("imports at run time only the host's contracts, so importing one never imports another", () => {
    const sources = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources).toHaveLength(6);
    for (const file of sources) {
      const text = readFileSync(fileURLToPath(new URL(file, here)), 'utf8');
      const imports = text.match(/^import .*$/gm) ?? [];
      for (const line of imports) {
        const fromContracts = line.endsWith("from '@plugin-patterns/meter-contracts';");
        expect(line.startsWith('import type ') || fromContracts, `${file}: ${line}`).toBe(true);
      }
    }
  });
});
