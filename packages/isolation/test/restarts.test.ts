// The restart policy, run: a plugin whose worker or child ended is disabled
// (never), loaded again at the next call (on-next-call), or loaded again after
// a growing wait until its restarts run out (backoff). Every restart is a line
// in its record's history.
import { PluginUnavailableError } from '@plugin-patterns/loader';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, extension, loadUntrusted, outcome } from './untrusted-set.ts';

afterEach(closeAll);

const restarts = (history: readonly { by: string; detail: string }[]) =>
  history.filter((entry) => entry.by === 'restart').map((entry) => entry.detail);

describe('restart: never', () => {
  it('disables the plugin; a later call is refused as unavailable', async () => {
    const { set } = await loadUntrusted(['exits'], { mode: 'worker', restart: 'never' });
    const exits = extension(set, 'exits');
    await outcome(exits.object.poll());
    expect(exits.state).toEqual({
      status: 'disabled',
      by: 'restart policy',
      reason: 'its worker thread exited with code 3; the restart policy is never',
    });
    const later = await outcome(exits.object.poll());
    expect((later as { error: Error }).error).toBeInstanceOf(PluginUnavailableError);
    expect((later as { error: Error }).error.message).toBe(
      '[meter.untrusted:exits] (enabling) is not available: its worker thread exited with code 3; the restart policy is never',
    );
  });
});

describe('restart: on the next call', () => {
  it('loads the plugin again in a new worker, and says so in its history', async () => {
    const { set } = await loadUntrusted(['throws-later'], {
      mode: 'worker',
      restart: 'on-next-call',
    });
    const plugin = extension(set, 'throws-later');
    await plugin.object.poll();
    await until(() => plugin.lastError !== undefined);
    expect(await plugin.object.poll()).toEqual([]); // answered by the new worker
    expect(restarts(plugin.history)).toEqual([
      'loaded again in a new worker thread (restart 1) after its worker thread stopped after an uncaught exception: Error: throws-later: thrown from a callback, after the call returned',
    ]);
    expect(plugin.isReady).toBe(true);
  });
});

describe('restart: bounded backoff', () => {
  it('restarts at most maxRestarts times, then disables the plugin', async () => {
    const { set } = await loadUntrusted(['exits'], {
      mode: 'child',
      restart: { backoffMs: 10, maxRestarts: 2 },
    });
    const exits = extension(set, 'exits');
    // The call fails when its child has ended, and by then the ending is on the record.
    for (let call = 0; call < 3; call++) await outcome(exits.object.poll());
    expect(restarts(exits.history)).toEqual([
      'loaded again in a new child process (restart 1 of 2) after its child process exited with code 3',
      'loaded again in a new child process (restart 2 of 2) after its child process exited with code 3',
    ]);
    expect(exits.state).toMatchObject({
      status: 'disabled',
      reason:
        'its child process exited with code 3; it was restarted 2 times, the most its policy allows',
    });
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
