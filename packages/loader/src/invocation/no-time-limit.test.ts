/**
 * A call without `timeoutMs` has no time limit: however long a plugin's
 * promise takes, the guard waits for it and never calls it a time-out.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Extension } from '../extension/extension.ts';
import { callPlugin, invoke } from './guard.ts';

const DAY = 24 * 60 * 60 * 1000;

function slowPlugin() {
  return Extension.preloaded('meter.pollster', 'slow', {
    poll: () => new Promise<number[]>((resolve) => setTimeout(() => resolve([42]), 3 * DAY)),
  });
}

describe('a slow async plugin called with no time limit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is waited for, through invoke, for days', async () => {
    vi.useFakeTimers();
    const plugin = slowPlugin();
    let settled: unknown = 'pending';
    invoke(plugin, 'poll').then(
      (value) => {
        settled = value;
      },
      (error: unknown) => {
        settled = error;
      },
    );
    await vi.advanceTimersByTimeAsync(3 * DAY - 1);
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual([42]);
    expect(plugin.lastError).toBeUndefined();
  });

  it('is waited for, through callPlugin with options but no timeoutMs', async () => {
    vi.useFakeTimers();
    const plugin = slowPlugin();
    const answer = callPlugin(plugin, (p) => p.poll(), { method: 'poll' });
    await vi.advanceTimersByTimeAsync(3 * DAY);
    await expect(answer).resolves.toEqual([42]);
    expect(plugin.lastError).toBeUndefined();
    expect(plugin.isReady).toBe(true);
  });
});
