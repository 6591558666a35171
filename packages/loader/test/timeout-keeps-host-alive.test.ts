/**
 * A time limit on a hung plugin must reach the host. The plugin's promise will
 * never settle, so while the host awaits it the limit's timer is the only work
 * left in the event loop; if that timer did not hold the process open, Node
 * would exit first — with code 13 ("unsettled top-level await"), or silently
 * with code 0 when the host's main() is not awaited — and the host would never
 * learn which plugin hung. The timer is bounded by the limit, so holding the
 * process open for it costs at most `timeoutMs`.
 *
 * Run in a child process, because only a real process exit shows it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, 'fixtures', 'hung-host', 'await-hung-plugin.ts');

function runHost(mode: 'top-level' | 'callback') {
  return spawnSync(process.execPath, ['--conditions=@plugin-patterns/source', SCRIPT, mode], {
    encoding: 'utf8',
    timeout: 15_000,
  });
}

describe.each(['top-level', 'callback'] as const)('a host awaiting a hung plugin (%s)', (mode) => {
  it('gets the PluginTimeoutError, blaming the plugin, and exits 0', () => {
    const run = runHost(mode);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [error, report] = run.stdout.trim().split('\n');
    expect(JSON.parse(error ?? 'null')).toEqual({
      name: 'PluginTimeoutError',
      namespace: 'meter.pollster',
      plugin: 'hangs',
      stage: 'invocation',
    });
    expect(JSON.parse(report ?? 'null')).toEqual([
      ['hangs', '[meter.pollster:hangs] (invocation) call to poll() did not settle within 50 ms'],
    ]);
  });
});
