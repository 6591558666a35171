// Each failure an in-process loader cannot stop, run in a worker thread and in
// a child process: the call fails with a typed error naming the plugin, the
// record says what happened, and the host and an honest neighbour go on.
import { PluginCallError, PluginTimeoutError } from '@plugin-patterns/loader';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, extension, loadUntrusted, outcome } from './untrusted-set.ts';

afterEach(closeAll);

describe.each(['worker', 'child'] as const)('contained in a %s', (mode) => {
  const noun = mode === 'worker' ? 'worker thread' : 'child process';

  it('stops a synchronous infinite loop at the time limit, and records it', async () => {
    const { set } = await loadUntrusted(['loops-forever', 'steady'], { mode, timeoutMs: 1000 });
    const loops = extension(set, 'loops-forever');
    const result = await outcome(loops.object.poll());
    expect(result.ok).toBe(false);
    const error = (result as { error: Error }).error;
    expect(error).toBeInstanceOf(PluginTimeoutError);
    expect(error.message).toBe(
      '[meter.untrusted:loops-forever] (invocation) call to poll() did not settle within 1000 ms',
    );
    // The call fails once the worker or child has ended: by then the record says so.
    expect(loops.lastError).toBe(error);
    expect(loops.state).toEqual({
      status: 'disabled',
      by: 'restart policy',
      reason: `its ${noun} was stopped: meter.untrusted:loops-forever did not finish poll() within 1000 ms; the restart policy is never`,
    });
    // Nothing of it reached the host's thread, nor its neighbour.
    expect(await extension(set, 'steady').object.poll()).toEqual([
      { meter: 'untrusted.steady', volume: 1 },
    ]);
  });

  it('keeps process.exit() to the plugin', async () => {
    const { set } = await loadUntrusted(['exits', 'steady'], { mode });
    const exits = extension(set, 'exits');
    const result = await outcome(exits.object.poll());
    expect((result as { error: Error }).error).toBeInstanceOf(PluginCallError);
    expect(exits.lastError?.message).toBe(
      `[meter.untrusted:exits] (invocation) call to poll() failed: its ${noun} exited with code 3`,
    );
    expect(await outcome(extension(set, 'steady').object.poll())).toMatchObject({ ok: true });
  });

  it('records an uncaught exception thrown after the call returned', async () => {
    const { set } = await loadUntrusted(['throws-later', 'steady'], { mode });
    const throwsLater = extension(set, 'throws-later');
    expect(await throwsLater.object.poll()).toEqual([]);
    await until(() => throwsLater.state.status === 'disabled');
    expect(throwsLater.lastError?.message).toBe(
      `[meter.untrusted:throws-later] (invocation) its ${noun} stopped after an uncaught exception: Error: throws-later: thrown from a callback, after the call returned`,
    );
    expect(throwsLater.state).toMatchObject({ by: 'restart policy' });
    expect(await outcome(extension(set, 'steady').object.poll())).toMatchObject({ ok: true });
  });

  it('records an unhandled rejection', async () => {
    const { set } = await loadUntrusted(['rejects-unhandled', 'steady'], { mode });
    const rejects = extension(set, 'rejects-unhandled');
    await rejects.object.poll();
    await until(() => rejects.state.status === 'disabled');
    expect(rejects.lastError?.message).toContain(
      `its ${noun} stopped after an unhandled rejection: Error: rejects-unhandled: a forgotten promise`,
    );
    expect(await outcome(extension(set, 'steady').object.poll())).toMatchObject({ ok: true });
  });

  it('keeps a polluted prototype and a replaced JSON.stringify to the plugin', async () => {
    const { set } = await loadUntrusted(['pollutes-prototype', 'steady'], { mode });
    expect(await extension(set, 'pollutes-prototype').object.poll()).toEqual([
      { meter: 'untrusted.pollutes', volume: 1 },
    ]);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(JSON.stringify({ a: 1 })).toBe('{"a":1}');
    // The neighbour runs in a worker or process of its own, with clean globals.
    expect(await extension(set, 'steady').object.poll()).toEqual([
      { meter: 'untrusted.steady', volume: 1 },
    ]);
  });

  it('stops a plugin that fills its heap at its memory limit', async () => {
    const { set } = await loadUntrusted(['eats-memory', 'steady'], { mode, memoryMb: 16 });
    const eats = extension(set, 'eats-memory');
    const result = await outcome(eats.object.poll());
    expect((result as { error: Error }).error).toBeInstanceOf(PluginCallError);
    expect(eats.lastError?.message).toContain(
      `call to poll() failed: its ${noun} ran out of memory (its heap limit of 16 MB)`,
    );
    expect(eats.state).toMatchObject({ status: 'disabled', by: 'restart policy' });
    expect(await outcome(extension(set, 'steady').object.poll())).toMatchObject({ ok: true });
  });
});

describe('a crashed child', () => {
  it('is told apart by its signal', async () => {
    const { set } = await loadUntrusted(['eats-memory'], { mode: 'child', memoryMb: 16 });
    const eats = extension(set, 'eats-memory');
    await outcome(eats.object.poll());
    // V8 aborts a process whose heap is full: the child dies of a signal, the host does not.
    expect(eats.lastError?.message).toMatch(/and was killed by SIG[A-Z]+$/);
  });
});

/** Waits for the worker's or child's ending to reach the record (a message and an exit event). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
