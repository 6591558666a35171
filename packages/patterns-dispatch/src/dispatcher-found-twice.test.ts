/**
 * A host that passes overlapping sources (a package scan, and a reference
 * list naming the same package) finds one plugin twice. The dispatchers treat
 * it as the driver does: one plugin, called once; two packages under one name
 * are still a conflict.
 */
import { AmbiguousPluginError } from '@plugin-patterns/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { foundTwiceSets, type Greeter } from '../../loader/test-fixtures/found-twice.ts';
import type { Delivery, DispatchResult } from './delivery.ts';
import { Dispatcher } from './dispatcher.ts';
import { EventDispatcher } from './event-dispatcher.ts';

const namespace = 'test.greeters';
// One package found by the scan and by the list (plus `rivals`, more packages declaring `hello`).
const sets = foundTwiceSets(namespace);
afterAll(() => sets.removeAll());
const setFoundTwice = (...rivals: string[]) => sets.discover(...rivals);

/**
 * The set with every record loaded by the host itself, one by one, not
 * through `loadAll`. The set turned the repeat off when it made the records,
 * so loading the repeat says why it is not used, and one record is ready.
 */
async function loadedRecordByRecord() {
  const set = setFoundTwice();
  const loads = await Promise.allSettled(set.extensions.map((e) => e.load()));
  expect(loads.map((l) => l.status)).toEqual(['fulfilled', 'rejected']);
  expect(set.ready().map((e) => e.name)).toEqual(['hello']);
  return set;
}

describe('Dispatcher: one package found by two sources', () => {
  it('is one plugin: call(name) calls it, once, through the first record found', async () => {
    const set = setFoundTwice();
    const records = set.named('hello');
    expect(records.map((e) => e.source.via)).toEqual(['package-scan', 'reference-list']);

    const dispatcher = await Dispatcher.load(set);
    const called: unknown[] = [];
    const delivery = dispatcher.call('hello', (g) => {
      called.push(g);
      return g.greet('Ada');
    }) as Delivery<string>;
    expect(delivery).toEqual({ plugin: 'hello', ok: true, value: 'greeting-plugins: hello Ada' });
    expect(called).toHaveLength(1);
    expect(dispatcher.names()).toEqual(['hello']);
    // The first record found is the one used: a failed call is kept on it, not on the repeat.
    dispatcher.call('hello', () => {
      throw new Error('no voice');
    });
    expect(records[0]?.lastError?.message).toContain('no voice');
    expect(records[1]?.lastError).toBeUndefined();
  });

  it('byName and byPredicate call it once too', async () => {
    const dispatcher = await Dispatcher.load(setFoundTwice());
    const byName = dispatcher.byName(['hello'], (g) => g.greet('Ada')) as DispatchResult<string>;
    const byPredicate = dispatcher.byPredicate(
      (e) => e.name === 'hello',
      (g) => g.greet('Bo'),
    ) as DispatchResult<string>;
    expect(byName.deliveries).toHaveLength(1);
    expect(byPredicate.deliveries).toEqual([
      { plugin: 'hello', ok: true, value: 'greeting-plugins: hello Bo' },
    ]);
  });

  it('over a set not loaded through loadAll, names and byPredicate still see it once', async () => {
    const set = await loadedRecordByRecord();
    const dispatcher = new Dispatcher(set);
    expect(dispatcher.names()).toEqual(['hello']);
    // The set has set the repeat aside, saying which record is used.
    const [used, repeat] = set.named('hello');
    expect(used?.isReady).toBe(true);
    expect(repeat?.state).toEqual({
      status: 'disabled',
      by: 'found-twice',
      reason: expect.stringContaining('the record found by package-scan') as string,
    });
    const byPredicate = dispatcher.byPredicate(
      () => true,
      (g) => g.greet('Bo'),
    ) as DispatchResult<string>;
    expect(byPredicate.deliveries).toEqual([
      { plugin: 'hello', ok: true, value: 'greeting-plugins: hello Bo' },
    ]);
  });

  it('two packages claiming the name are still ambiguous, named as the driver names them', async () => {
    const dispatcher = await Dispatcher.load(setFoundTwice('rival-greetings'));
    const attempt = () => dispatcher.call('hello', (g) => g.greet('Ada'));
    expect(attempt).toThrow(AmbiguousPluginError);
    expect(attempt).toThrow(
      expect.objectContaining({
        claimants: ['greeting-plugins@1.0.0', 'rival-greetings@1.0.0'],
      }) as Error,
    );
  });
});

describe('EventDispatcher: a handler found by two sources', () => {
  /** The greetings the handlers give one event. */
  async function greetingsFor(dispatcher: { dispatch(event: { type: string }): unknown }) {
    await dispatcher.dispatch({ type: 'greeting.morning' });
    return calls.splice(0);
  }
  const calls: string[] = [];
  const options = {
    subscriptions: (h: Greeter) => h.eventTypes,
    eventType: (e: { type: string }) => e.type,
    call: (h: Greeter, e: { type: string }) => {
      calls.push(h.greet(e.type));
    },
  };

  it('gets each event once', async () => {
    const dispatcher = await EventDispatcher.load(setFoundTwice(), options);
    expect(await greetingsFor(dispatcher)).toEqual(['greeting-plugins: hello greeting.morning']);
  });

  it('gets each event once over a set not loaded through loadAll', async () => {
    const set = await loadedRecordByRecord();
    const dispatcher = new EventDispatcher(set, options);
    expect(await greetingsFor(dispatcher)).toEqual(['greeting-plugins: hello greeting.morning']);
    expect(set.named('hello')[1]?.state).toMatchObject({ status: 'disabled', by: 'found-twice' });
  });
});
