import { ExtensionSet, PluginCallError } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { EventDispatcher } from './event-dispatcher.ts';
import { freezeEvent } from './frozen-event.ts';

interface Notification {
  event_type: string;
  payload: { instance_id: string; tags: string[] };
}

interface Handler {
  readonly eventTypes: readonly string[];
  process(event: Notification): unknown;
}

function dispatcherOf(handlers: Record<string, Handler>) {
  const set = ExtensionSet.fromObjects<Handler>('events', handlers);
  return new EventDispatcher<Handler, Notification, unknown>(set, {
    subscriptions: (h) => h.eventTypes,
    eventType: (e) => e.event_type,
    call: (h, e) => h.process(e),
  });
}

const notification = (): Notification => ({
  event_type: 'compute.instance.create.end',
  payload: { instance_id: 'i-1', tags: ['web'] },
});

describe('EventDispatcher: a handler cannot change the event for the others', () => {
  it('refuses a change at any depth, blames the handler that tried, and later handlers see the event as sent', () => {
    const seen: string[] = [];
    const dispatcher = dispatcherOf({
      rewriter: {
        eventTypes: ['compute.*'],
        process(event) {
          event.payload.instance_id = 'forged';
        },
      },
      tagger: {
        eventTypes: ['compute.*'],
        process(event) {
          event.payload.tags.push('owned');
        },
      },
      reader: {
        eventTypes: ['compute.*'],
        process(event) {
          seen.push(`${event.payload.instance_id} ${event.payload.tags.join(',')}`);
        },
      },
    });
    const outcome = dispatcher.dispatch(notification());
    if (outcome instanceof Promise || outcome.status !== 'routed') throw new Error('not routed');
    expect(seen).toEqual(['i-1 web']);
    const failed = outcome.deliveries.filter((d) => !d.ok).map((d) => d.plugin);
    expect(failed).toEqual(['rewriter', 'tagger']);
    for (const delivery of outcome.deliveries) {
      if (!delivery.ok) expect(delivery.error).toBeInstanceOf(PluginCallError);
    }
    // The dead letters hold the event as it was sent, not as a handler left it.
    const letters = dispatcher.deadLetters.drain();
    expect(letters.map((l) => (l.event as Notification).payload)).toEqual([
      { instance_id: 'i-1', tags: ['web'] },
      { instance_id: 'i-1', tags: ['web'] },
    ]);
  });
});

describe('freezeEvent', () => {
  it('freezes plain objects and arrays all the way down, cycles included', () => {
    const event: Record<string, unknown> = { a: { b: [{ c: 1 }] } };
    event.self = event;
    freezeEvent(event);
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen((event.a as { b: object[] }).b[0])).toBe(true);
  });

  it('leaves what cannot be frozen (bytes) alone instead of throwing', () => {
    const event = { body: new Uint8Array([1, 2]) };
    expect(() => freezeEvent(event)).not.toThrow();
    expect(Object.isFrozen(event)).toBe(true);
  });
});
