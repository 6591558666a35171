// Where a heap limit holds. A worker's `resourceLimits` stop a plugin whose
// heap grows step by step (containment.test.ts: eats-memory); a single
// allocation larger than the whole limit is another matter: V8 then ends the
// whole process, host included. Only a child process is a hard boundary. This
// test pins both facts, so the docs can say them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const HOST = join(import.meta.dirname, '..', 'test-fixtures', 'huge-allocation-host.mjs');

function runHost(mode: 'worker' | 'child') {
  return spawnSync(process.execPath, ['--conditions=@plugin-patterns/source', HOST, mode], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

describe('one allocation larger than the whole heap limit', () => {
  it('in a child process ends only the child', () => {
    const run = runHost('child');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/call to poll\(\) failed: its child process ran out of memory/);
    expect(run.stdout).toContain('host alive');
  });

  it("in a worker thread ends the host's whole process (a worker is no hard memory boundary)", () => {
    const run = runHost('worker');
    expect(run.signal).toBe('SIGABRT');
    expect(run.stderr).toContain('heap out of memory');
    expect(run.stdout).not.toContain('host alive');
  });
});
