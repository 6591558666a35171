/**
 * server-state.sh, the folder a throwaway server's start.sh and stop.sh use,
 * run by bash in two checkouts made here (each a copy of the file in a
 * scripts/ folder of its own), with a scratch TMPDIR. No server is started.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'server-state-test-'));
const temp = join(scratch, 'tmp');
mkdirSync(temp);

function checkout(name: string): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'scripts'), { recursive: true });
  copyFileSync(
    join(import.meta.dirname, 'server-state.sh'),
    join(root, 'scripts', 'server-state.sh'),
  );
  return root;
}

/** Runs `steps` after sourcing the checkout's server-state.sh; what they print, trimmed. */
function inCheckout(root: string, steps: string): string {
  const script = `set -euo pipefail; . scripts/server-state.sh; ${steps}`;
  return execFileSync('bash', ['-c', script], {
    cwd: root,
    env: { PATH: process.env.PATH, TMPDIR: temp, DEMO_DIR: '' },
    encoding: 'utf8',
  }).trim();
}

// DEMO_DIR plays the server's PLUGIN_PATTERNS_*_DIR: empty unless a step sets it.
const start = 'start_state demo "$DEMO_DIR"; echo "$state"';
const stop = 'stop_state demo "$DEMO_DIR"; echo "$state"';

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('server-state.sh', () => {
  const first = checkout('first');
  const second = checkout('second');

  it("gives each checkout a temp folder of its own, and the same one to the checkout's next start", () => {
    const folder = inCheckout(first, start);
    expect(folder.startsWith(join(temp, 'plugin-patterns-demo.'))).toBe(true);
    expect(existsSync(folder)).toBe(true);
    expect(inCheckout(first, start)).toBe(folder);
    const other = inCheckout(second, start);
    expect(other).not.toBe(folder);
    expect(other.startsWith(join(temp, 'plugin-patterns-demo.'))).toBe(true);
  });

  it('lets stop.sh find the recorded folder, and forget it once the folder is gone', () => {
    const folder = inCheckout(first, start);
    expect(inCheckout(first, stop)).toBe(folder);
    rmSync(folder, { recursive: true });
    inCheckout(first, 'forget_state demo ""');
    expect(inCheckout(first, stop)).toBe('');
    const next = inCheckout(first, start);
    expect(next).not.toBe(folder);
    expect(existsSync(next)).toBe(true);
  });

  it('uses a folder the variable names, and neither records it nor forgets the recorded one', () => {
    const recorded = inCheckout(second, start);
    const named = join(scratch, 'named');
    const withNamed = `DEMO_DIR=${named}; ${start}; forget_state demo "$DEMO_DIR"`;
    expect(inCheckout(second, withNamed)).toBe(named);
    expect(inCheckout(second, stop)).toBe(recorded);
  });
});
