import { ExtensionSet } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { EventDispatcher } from './event-dispatcher.ts';
import { DispatchTally } from './event-outcome.ts';

interface Event {
  readonly event_type: string;
  readonly id: string;
}

interface Handler {
  readonly eventTypes: readonly string[];
  process(event: Event): string | Promise<string>;
}

function dispatcherWith(handlers: Record<string, Handler>) {
  return new EventDispatcher(ExtensionSet.fromObjects<Handler>('events', handlers), {
    subscriptions: (h) => h.eventTypes,
    eventType: (e: Event) => e.event_type,
    call: (h, e) => h.process(e),
  });
}

const seen: string[] = [];
const sync: Handler = {
  eventTypes: ['compute.instance.*'],
  process: (e) => {
    seen.push(e.id);
    return e.id;
  },
};
const failing: Handler = {
  eventTypes: ['compute.instance.delete.end'],
  process: () => {
    throw new Error('boom');
  },
};

// Good events, with junk mixed in: nothing in the middle may cost the others their delivery.
const stream = [
  { event_type: 'compute.instance.create.end', id: 'e1' },
  null,
  { event_type: 'network.create.end', id: 'e2' },
  { id: 'e3' },
  { event_type: 'compute.instance.delete.end', id: 'e4' },
  'not an event',
  { event_type: 'compute.instance.update', id: 'e5' },
] as unknown as Event[];

describe('dispatchAll: one outcome per event, and a summary that adds up', () => {
  it('reports each event and loses none of the good ones', () => {
    seen.length = 0;
    const result = dispatcherWith({ sync, failing }).dispatchAll(stream);
    if (result instanceof Promise) throw new Error('expected a synchronous run');
    expect(result.outcomes.map((o) => o.status)).toEqual([
      'routed',
      'malformed',
      'unrouted',
      'malformed',
      'routed',
      'malformed',
      'routed',
    ]);
    expect(seen).toEqual(['e1', 'e4', 'e5']);
    expect(result.summary).toEqual({
      events: 7,
      routed: 3,
      unrouted: 1,
      malformed: 3,
      deliveries: 4,
      failed: 1,
    });
  });

  it('moves to async at the first promise and keeps the stream order', async () => {
    const order: string[] = [];
    const slow: Handler = {
      eventTypes: ['a'],
      process: async (e) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(e.id);
        return e.id;
      },
    };
    const quick: Handler = {
      eventTypes: ['b'],
      process: (e) => {
        order.push(e.id);
        return e.id;
      },
    };
    const events = [
      { event_type: 'b', id: '1' },
      { event_type: 'a', id: '2' },
      { event_type: 'b', id: '3' },
    ];
    const run = dispatcherWith({ slow, quick }).dispatchAll(events);
    expect(run).toBeInstanceOf(Promise);
    const result = await run;
    expect(order).toEqual(['1', '2', '3']);
    expect(result.summary.routed).toBe(3);
  });

  it('reads an async iterable, as from a message bus', async () => {
    async function* bus(): AsyncGenerator<Event> {
      yield { event_type: 'compute.instance.create.end', id: 'b1' };
      yield { event_type: 'image.upload', id: 'b2' };
    }
    const result = await dispatcherWith({ sync }).dispatchAll(bus());
    expect(result.summary).toMatchObject({ events: 2, routed: 1, unrouted: 1 });
  });
});

describe('DispatchTally: counting a stream one event at a time', () => {
  it('counts as dispatch goes, without keeping the outcomes', () => {
    const dispatcher = dispatcherWith({ sync, failing });
    const tally = new DispatchTally();
    for (const e of stream) {
      const outcome = dispatcher.dispatch(e);
      if (outcome instanceof Promise) throw new Error('expected synchronous outcomes');
      tally.add(outcome);
    }
    expect(tally.summary).toEqual({
      events: 7,
      routed: 3,
      unrouted: 1,
      malformed: 3,
      deliveries: 4,
      failed: 1,
    });
  });
});
