/**
 * server-state.sh, the folder a throwaway server's start.sh and stop.sh use,
 * run by bash in two checkouts made here (each a copy of the file in a
 * scripts/ folder of its own, beside registry/stop.sh), with a scratch TMPDIR.
 * No server is started.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'server-state-test-'));
const temp = join(scratch, 'tmp');
mkdirSync(temp);

function checkout(name: string): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'scripts'), { recursive: true });
  mkdirSync(join(root, 'scripts', 'registry'));
  for (const file of ['server-state.sh', 'registry/stop.sh', 'registry/server-pid.sh']) {
    copyFileSync(join(import.meta.dirname, file), join(root, 'scripts', file));
  }
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

/** Runs `bash args` in the checkout as inCheckout does; its status and stderr. */
function bashIn(root: string, args: string[]): { status: number | null; stderr: string } {
  const env = { PATH: process.env.PATH, TMPDIR: temp, DEMO_DIR: '' };
  return spawnSync('bash', args, { cwd: root, env, encoding: 'utf8' });
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

  it('forgets a record naming a folder it did not make, and stop.sh leaves that folder alone', () => {
    const third = checkout('third');
    const record = join(third, '.cache', 'servers', 'registry');
    const precious = join(scratch, 'precious');
    mkdirSync(precious);
    writeFileSync(join(precious, 'keep'), 'kept');
    const lookalike = join(temp, 'plugin-patterns-registry.Ab12Cd');
    symlinkSync(precious, lookalike);
    const misnamed = join(temp, 'plugin-patterns-demo.Ab12Cd');
    mkdirSync(misnamed);
    const others = join(temp, 'plugin-patterns-registry.Zz98Yy');
    mkdirSync(others);
    // As root, a folder of another user's (nobody's) with the right name; otherwise none can be made.
    const refused = [precious, lookalike, misnamed];
    if (process.getuid?.() === 0) {
      chownSync(others, 65534, 65534);
      refused.push(others);
    }
    for (const path of refused) {
      mkdirSync(join(third, '.cache', 'servers'), { recursive: true });
      writeFileSync(record, `${path}\n`);
      const stopped = bashIn(third, ['scripts/registry/stop.sh']);
      expect(stopped.status).toBe(0);
      expect(stopped.stderr).toContain(
        `server-state.sh: forgetting .cache/servers/registry: ${path} is not a folder of this user named plugin-patterns-registry.XXXXXX`,
      );
      expect(existsSync(record)).toBe(false);
      expect(existsSync(path)).toBe(true);
    }
    expect(readFileSync(join(precious, 'keep'), 'utf8')).toBe('kept');
    // A start given such a record makes a folder of its own.
    writeFileSync(record, `${precious}\n`);
    const folder = inCheckout(third, 'start_state registry "" 2>/dev/null; echo "$state"');
    expect(folder.startsWith(join(temp, 'plugin-patterns-registry.'))).toBe(true);
    expect(readFileSync(record, 'utf8')).toBe(`${folder}\n`);
  });
});
