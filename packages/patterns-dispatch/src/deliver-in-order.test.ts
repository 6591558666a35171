import { ExtensionSet, PluginCallError } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { deliverInOrder } from './deliver-in-order.ts';

interface Step {
  run(): string | Promise<string>;
}

function steps(log: string[], kinds: Record<string, 'sync' | 'async' | 'throws' | 'rejects'>) {
  const objects: Record<string, Step> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    objects[name] = {
      run: () => {
        log.push(`start ${name}`);
        if (kind === 'throws') throw new Error(`${name} broke`);
        if (kind === 'sync') return name;
        return new Promise<string>((resolve, reject) =>
          setTimeout(() => {
            log.push(`end ${name}`);
            if (kind === 'rejects') reject(new Error(`${name} broke`));
            else resolve(name);
          }, 1),
        );
      },
    };
  }
  return ExtensionSet.fromObjects('steps', objects).extensions;
}

const run = (step: Step) => step.run();

describe('deliverInOrder: sync stays sync', () => {
  it('returns a plain result when every plugin answers synchronously', () => {
    const result = deliverInOrder(steps([], { a: 'sync', b: 'sync' }), run, {});
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({
      deliveries: [
        { plugin: 'a', ok: true, value: 'a' },
        { plugin: 'b', ok: true, value: 'b' },
      ],
      failed: 0,
    });
  });

  it('returns a plain empty result for no plugins', () => {
    expect(deliverInOrder([], run, {})).toEqual({ deliveries: [], failed: 0 });
  });
});

describe('deliverInOrder: after the first promise, one call at a time', () => {
  it('waits for each async call before making the next one', async () => {
    const log: string[] = [];
    const result = deliverInOrder(steps(log, { a: 'sync', b: 'async', c: 'async' }), run, {});
    expect(result).toBeInstanceOf(Promise);
    expect((await result).deliveries.map((d) => d.plugin)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c', 'end c']);
  });
});

describe('deliverInOrder: the error policy', () => {
  it('collects failures, sync and async, and calls everyone', async () => {
    const log: string[] = [];
    const result = await deliverInOrder(
      steps(log, { a: 'throws', b: 'rejects', c: 'sync' }),
      run,
      {},
    );
    expect(result.failed).toBe(2);
    expect(result.deliveries.map((d) => d.ok)).toEqual([false, false, true]);
    expect(log).toContain('start c');
  });

  it('with raise, throws a sync failure at once and calls nobody after it', () => {
    const log: string[] = [];
    const attempt = () =>
      deliverInOrder(steps(log, { a: 'sync', b: 'throws', c: 'sync' }), run, { onError: 'raise' });
    expect(attempt).toThrow(PluginCallError);
    expect(log).toEqual(['start a', 'start b']);
  });

  it('with raise, rejects on an async failure and calls nobody after it', async () => {
    const log: string[] = [];
    const result = deliverInOrder(steps(log, { a: 'rejects', b: 'sync' }), run, {
      onError: 'raise',
    });
    await expect(result).rejects.toBeInstanceOf(PluginCallError);
    expect(log).toEqual(['start a', 'end a']);
  });
});
