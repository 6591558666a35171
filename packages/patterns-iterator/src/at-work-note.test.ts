import { ExtensionSet } from '@plugin-patterns/loader';
import { atWorkNote, callEnded, callStarted } from '@plugin-patterns/loader/invocation';
import { describe, expect, it } from 'vitest';
import type { IteratorManager } from './iterator-manager.ts';
import { managerOf, sync } from './test-plugins.ts';
import type { Wrapper } from './wrap.ts';

// What the loader's exit listener would read while a plugin runs (the child
// processes of plugin-exit.test.ts show the listener itself at work). Each
// test plugin reports the note as it finds it when it is called.
const note = atWorkNote();
const noted = (): string =>
  `${note.plugin?.name ?? 'nobody'}${note.method ? ` in ${note.method}` : ''}`;

interface Probe {
  run(value?: unknown): unknown;
}
const probe: Probe = { run: () => noted() };
const asyncProbe: Probe = { run: async () => noted() };
const run = (plugin: Probe) => plugin.run();
const step = (plugin: Probe) => plugin.run();

function threeProbes(middle: Probe = probe): IteratorManager<Probe> {
  return managerOf<Probe>({ a: probe, b: middle, c: probe });
}

describe('each run notes the plugin it is calling, for the exit listener', () => {
  it('map, first and pipeline note each plugin, then put back what they found', () => {
    const manager = threeProbes();
    expect(sync(manager.map(run)).values).toEqual(['a', 'b', 'c']);
    const firstAnswer = sync(
      managerOf<Probe>({ a: { run: () => undefined }, b: probe }).first(run),
    );
    expect(firstAnswer.value).toBe('b');
    expect(sync(manager.pipeline<unknown, unknown>(0, step)).value).toBe('c');
    expect(note.plugin).toBeUndefined();
    expect(note.method).toBeUndefined();
  });

  it('names the method when the run names one', () => {
    const result = sync(threeProbes().map(run, { method: 'run' }));
    expect(result.values).toEqual(['a in run', 'b in run', 'c in run']);
    expect(note.method).toBeUndefined();
  });

  it('puts back a caller’s plugin: a run inside a plugin, or inside a guarded call', () => {
    const inner = threeProbes();
    const outer = managerOf<Probe>({
      x: { run: () => [noted(), sync(inner.map(run)).values, noted()] },
    });
    expect(sync(outer.map(run)).values).toEqual([['x', ['a', 'b', 'c'], 'x']]);
    const previous = callStarted({ namespace: 'host.plugins', name: 'caller' }, 'handle');
    sync(inner.map(run));
    expect(note.plugin?.name).toBe('caller');
    callEnded(previous);
  });

  it('names the method of every later plugin after a plugin ran another run', () => {
    const inner = threeProbes();
    const nesting: Probe = { run: () => sync(inner.map(run)).values.join() };
    const outer = managerOf<Probe>({ x: nesting, y: probe, z: probe });
    expect(sync(outer.map(run, { method: 'run' })).values).toEqual([
      'a,b,c',
      'y in run',
      'z in run',
    ]);
    const first = managerOf<Probe>({ x: { run: () => void nesting.run() }, y: probe });
    expect(sync(first.first(run, { method: 'run' })).value).toBe('y in run');
    const pipeline = managerOf<Probe>({ x: nesting, y: probe });
    expect(sync(pipeline.pipeline<unknown, unknown>(0, step, { method: 'run' })).value).toBe(
      'y in run',
    );
  });

  it('keeps the plugin noted while its failure is read, and clears it after a raised one', () => {
    let seen = '';
    const thrower: Probe = {
      run() {
        throw {
          get message() {
            seen = noted();
            return 'no';
          },
        };
      },
    };
    sync(managerOf<Probe>({ t: thrower }).map(run));
    expect(seen).toBe('t');
    for (const attempt of [
      () => managerOf<Probe>({ t: thrower }).map(run, { onError: 'raise' }),
      () => managerOf<Probe>({ t: thrower }).first(run, { onError: 'raise' }),
      () =>
        managerOf<Probe>({ t: thrower }).pipeline<unknown, unknown>(0, step, { onError: 'raise' }),
    ]) {
      expect(attempt).toThrow();
      expect(note.plugin).toBeUndefined();
    }
  });

  it('in the async half of a run: notes the plugins it calls, and nobody while it waits', async () => {
    const manager = threeProbes(asyncProbe);
    const pending = manager.map(run);
    // The run is waiting for b's promise: the code that runs now is not a plugin's.
    expect(note.plugin).toBeUndefined();
    expect((await pending).values).toEqual(['a', 'b', 'c']);
    expect(note.plugin).toBeUndefined();
    const after = managerOf<Probe>({ a: { run: async () => undefined }, b: probe });
    expect((await after.first(run)).value).toBe('b');
    expect((await manager.pipeline<unknown, unknown>(0, step)).value).toBe('c');
    expect(note.plugin).toBeUndefined();
  });

  it('two runs waiting side by side leave the note empty between them', async () => {
    const manager = threeProbes(asyncProbe);
    const runs = [manager.map(run), manager.map(run)];
    expect(note.plugin).toBeUndefined();
    const results = await Promise.all(runs);
    expect(results.map((r) => r.values)).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
    expect(note.plugin).toBeUndefined();
  });

  it('parallel marks each call up to its answer, and nobody once the calls wait', async () => {
    const manager = threeProbes(asyncProbe);
    const pending = manager.parallel(run, { method: 'run' });
    expect(note.plugin).toBeUndefined();
    expect((await pending).values).toEqual(['a in run', 'b in run', 'c in run']);
    expect(note.plugin).toBeUndefined();
  });

  it('notes a wrapper while it wraps, and the run’s plugins inside it', () => {
    const seen: string[] = [];
    const wrapper: Wrapper = {
      wrap(run) {
        seen.push(noted());
        const result = run();
        seen.push(noted());
        return result;
      },
    };
    const wrappers = ExtensionSet.fromObjects<Wrapper>('test.wrappers', { around: wrapper });
    const manager = managerOf<Probe>({ a: probe, b: probe }, { wrappers });
    expect(sync(manager.map(run)).values).toEqual(['a', 'b']);
    // Back from the run, the wrapper is noted again; its method is not: a run
    // clears the method as it ends, as the loader's guard does after a call.
    expect(seen).toEqual(['around in wrap', 'around']);
    expect(note.plugin).toBeUndefined();
  });
});
