import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storageConformanceChecks } from './storage-conformance.ts';

describe('runStorageConformance under node:test', () => {
  it('registers and passes every check', () => {
    const file = fileURLToPath(new URL('./test-node-runner.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--test', '--test-reporter=tap', file], {
      encoding: 'utf8',
    });
    expect(child.status, child.stdout + child.stderr).toBe(0);
    expect(child.stdout).toContain(`# pass ${storageConformanceChecks.length}`);
    expect(child.stdout).toContain('# fail 0');
  });
});
