/**
 * A host that passes overlapping sources (a package scan, and a reference
 * list naming the same package) finds one plugin twice. The iterator calls
 * every plugin, and that one once: the extension set keeps its first record
 * and turns the repeat off when it makes the records. Two packages that declare the
 * same name are two plugins, and both are called.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { foundTwiceSets } from '../../loader/test-fixtures/found-twice.ts';
import { HookManager } from './hook-manager.ts';
import { IteratorManager } from './iterator-manager.ts';

const namespace = 'test.greeters';
// One package found by the scan and by the list (plus `rivals`, more packages declaring `hello`).
const sets = foundTwiceSets(namespace);
afterAll(() => sets.removeAll());
const setFoundTwice = (...rivals: string[]) => sets.discover(...rivals);

describe('IteratorManager: one package found by two sources', () => {
  it('calls it once, through the first record found', async () => {
    const set = setFoundTwice();
    const manager = await new IteratorManager(set).load();
    const result = manager.map((g) => g.greet('Ada'));
    expect(result).toMatchObject({ values: ['greeting-plugins: hello Ada'] });
    expect(manager.extensions()).toEqual([set.named('hello')[0]]);
  });

  it('calls it once over a set not loaded through loadAll', async () => {
    const set = setFoundTwice();
    // The host loads every record itself: the set turned the repeat off when
    // it made the records, so loading it says why, and one record is ready.
    const loads = await Promise.allSettled(set.extensions.map((e) => e.load()));
    expect(loads.map((l) => l.status)).toEqual(['fulfilled', 'rejected']);
    expect(set.ready()).toHaveLength(1);
    const manager = new IteratorManager(set);
    expect(manager.map((g) => g.greet('Ada'))).toMatchObject({
      values: ['greeting-plugins: hello Ada'],
    });
    const [used, repeat] = set.named('hello');
    expect(manager.extensions()).toEqual([used]);
    // Turned off as the loader turns it off, so its report says why it never runs.
    expect(repeat?.state).toMatchObject({ status: 'disabled', by: 'found-twice' });
  });

  it('still calls two packages that declare the same name, each once', async () => {
    const manager = await new IteratorManager(setFoundTwice('rival-greetings')).load();
    expect(manager.map((g) => g.greet('Ada'))).toMatchObject({
      values: ['greeting-plugins: hello Ada', 'rival-greetings: hello Ada'],
    });
  });
});

describe('HookManager: a hook found by two sources', () => {
  it('runs once', async () => {
    const hook = await new HookManager(setFoundTwice(), 'hello').load();
    expect(hook.names()).toEqual(['hello']);
  });
});
