import {
  ExtensionSet,
  PluginCallError,
  PluginIntegrationError,
  PluginTimeoutError,
} from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { EventDispatcher, type EventDispatcherOptions } from './event-dispatcher.ts';
import { MalformedEventError, UnroutedEventError } from './event-errors.ts';
import type { EventOutcome } from './event-outcome.ts';

interface Event {
  readonly event_type: string;
  readonly id: string;
}

interface Handler {
  readonly eventTypes: readonly string[];
  process(event: Event): string | Promise<string>;
}

function handler(eventTypes: readonly string[], log: string[], name: string): Handler {
  return {
    eventTypes,
    process: (event) => {
      log.push(`${name}<-${event.id}`);
      return `${name}:${event.id}`;
    },
  };
}

const options: EventDispatcherOptions<Handler, Event, string | Promise<string>> = {
  subscriptions: (h) => h.eventTypes,
  eventType: (e) => e.event_type,
  call: (h, e) => h.process(e),
};

function setUp(extra: Record<string, Handler> = {}, more: Partial<typeof options> = {}) {
  const log: string[] = [];
  const set = ExtensionSet.fromObjects<Handler>('events', {
    instance: handler(['compute.instance.*'], log, 'instance'),
    image: handler(['image.upload', 'image.delete'], log, 'image'),
    ...extra,
  });
  const dispatcher = new EventDispatcher(set, { ...options, ...more });
  return { log, set, dispatcher };
}

const event = (event_type: string, id = event_type): Event => ({ event_type, id });

function routed<E, R>(outcome: EventOutcome<E, R> | Promise<EventOutcome<E, R>>) {
  if (outcome instanceof Promise) throw new Error('expected a synchronous outcome');
  if (outcome.status !== 'routed') throw new Error(`expected routed, got ${outcome.status}`);
  return outcome;
}

describe('EventDispatcher: routing by what each handler says it handles', () => {
  it('sends an event only to the handlers whose patterns match its type', () => {
    const { log, dispatcher } = setUp();
    const outcome = routed(dispatcher.dispatch(event('compute.instance.create.end', 'e1')));
    expect(outcome.deliveries).toEqual([{ plugin: 'instance', ok: true, value: 'instance:e1' }]);
    expect(log).toEqual(['instance<-e1']);
  });

  it('delivers to every subscriber, in set order, exact and wildcard alike', () => {
    const { log, dispatcher } = setUp({ audit: handler(['*'], [], 'audit') });
    routed(dispatcher.dispatch(event('image.upload', 'e2')));
    expect(dispatcher.route('image.upload')).toEqual(['image', 'audit']);
    expect(log).toEqual(['image<-e2']);
  });

  it('asks each handler what it handles once, when built, not per event', () => {
    let reads = 0;
    const counting: Handler = {
      get eventTypes() {
        reads += 1;
        return ['image.upload'];
      },
      process: () => 'counted',
    };
    const { dispatcher } = setUp({ counting });
    for (let i = 0; i < 5; i++) dispatcher.dispatch(event('image.upload'));
    expect(reads).toBe(1);
    expect(dispatcher.subscriptions()).toContainEqual({
      handler: 'counting',
      patterns: ['image.upload'],
    });
  });

  it('stays synchronous for sync handlers and awaits async ones', async () => {
    const later: Handler = { eventTypes: ['image.upload'], process: async (e) => `later:${e.id}` };
    const { dispatcher } = setUp({ later });
    const outcome = dispatcher.dispatch(event('image.upload', 'e3'));
    expect(outcome).toBeInstanceOf(Promise);
    const settled = await outcome;
    expect(settled.status === 'routed' && settled.deliveries.map((d) => d.ok && d.value)).toEqual([
      'image:e3',
      'later:e3',
    ]);
  });
});

describe('EventDispatcher: a failing handler does not keep the event from the others', () => {
  const broken: Handler = {
    eventTypes: ['image.*'],
    process: () => {
      throw new Error('disk full');
    },
  };

  it('records the failure as a dead letter with the event and the handler', () => {
    const { log, set, dispatcher } = setUp({ broken });
    const e = event('image.upload', 'e4');
    const outcome = routed(dispatcher.dispatch(e));
    expect(outcome.failed).toBe(1);
    expect(log).toEqual(['image<-e4']);
    const [letter] = dispatcher.deadLetters.list();
    expect(letter).toMatchObject({ reason: 'failed', event: e, eventType: 'image.upload' });
    expect(letter?.handler).toBe('broken');
    expect(letter?.error).toBeInstanceOf(PluginCallError);
    expect(letter?.error.message).toContain('disk full');
    expect(set.named('broken')[0]?.lastError).toBe(letter?.error);
  });

  it('records a timeout, and still delivers to the handlers after it', async () => {
    const hung: Handler = { eventTypes: ['image.upload'], process: () => new Promise(() => {}) };
    const log: string[] = [];
    const set = ExtensionSet.fromObjects<Handler>('events', {
      hung,
      image: handler(['image.upload'], log, 'image'),
    });
    const dispatcher = new EventDispatcher(set, { ...options, timeoutMs: 5 });
    const outcome = await dispatcher.dispatch(event('image.upload', 'e5'));
    expect(outcome.status === 'routed' && outcome.failed).toBe(1);
    expect(log).toEqual(['image<-e5']);
    expect(dispatcher.deadLetters.list()[0]?.error).toBeInstanceOf(PluginTimeoutError);
  });

  it('throws the failure instead with onError: raise', () => {
    const { dispatcher } = setUp({ broken }, { onError: 'raise' });
    expect(() => dispatcher.dispatch(event('image.upload'))).toThrow(PluginCallError);
    expect(dispatcher.deadLetters.size).toBe(0);
  });

  it('skips a handler disabled after the table was built', () => {
    const { log, set, dispatcher } = setUp({ audit: handler(['*'], [], 'audit') });
    set.named('image')[0]?.disable('operator', 'maintenance');
    const outcome = routed(dispatcher.dispatch(event('image.upload', 'e6')));
    expect(outcome.deliveries.map((d) => d.plugin)).toEqual(['audit']);
    expect(log).toEqual([]);
  });
});

describe('EventDispatcher: malformed and unrouted events are reported, never thrown', () => {
  const bad: [string, unknown, string][] = [
    ['null', null, 'expected an object, got null'],
    ['a string', 'compute.instance.create.end', 'expected an object, got string'],
    ['an array', [], 'expected an object, got object'],
    ['no event type', { id: 'x' }, 'no event type (got undefined)'],
    ['an empty event type', { event_type: '', id: 'x' }, 'no event type (got an empty string)'],
    ['a number as event type', { event_type: 7, id: 'x' }, 'no event type (got number)'],
  ];

  it.each(bad)('reports %s as malformed', (_, value, reason) => {
    const { log, dispatcher } = setUp();
    const outcome = dispatcher.dispatch(value as Event);
    expect(outcome).toMatchObject({ status: 'malformed', eventType: undefined });
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(MalformedEventError);
    expect((error as Error).message).toContain(reason);
    expect(dispatcher.deadLetters.list()[0]).toMatchObject({ reason: 'malformed', event: value });
    expect(log).toEqual([]);
  });

  it('reports an event whose type cannot be read', () => {
    const { dispatcher } = setUp();
    const trap = {
      get event_type(): string {
        throw new Error('no access');
      },
      id: 'x',
    };
    const outcome = dispatcher.dispatch(trap);
    expect(outcome).toMatchObject({ status: 'malformed' });
    expect((outcome as { error: Error }).error.message).toContain('no access');
  });

  it('reports an event nobody handles as unrouted, and dead-letters it by default', () => {
    const { dispatcher } = setUp();
    const outcome = dispatcher.dispatch(event('network.create.end'));
    expect(outcome).toMatchObject({ status: 'unrouted', eventType: 'network.create.end' });
    expect((outcome as { error: unknown }).error).toBeInstanceOf(UnroutedEventError);
    expect(dispatcher.deadLetters.list().map((l) => l.reason)).toEqual(['unrouted']);
  });

  it('can leave unrouted events out of the dead letters', () => {
    const { dispatcher } = setUp({}, { deadLetterUnrouted: false });
    expect(dispatcher.dispatch(event('network.create.end'))).toMatchObject({ status: 'unrouted' });
    expect(dispatcher.deadLetters.size).toBe(0);
  });

  it('keeps at most the configured number of dead letters', () => {
    const { dispatcher } = setUp({}, { deadLetters: 2 });
    for (const type of ['a', 'b', 'c']) dispatcher.dispatch(event(type));
    expect(dispatcher.deadLetters.list().map((l) => l.eventType)).toEqual(['b', 'c']);
    expect(dispatcher.deadLetters.dropped).toBe(1);
  });
});

describe('EventDispatcher: handlers whose declarations are unusable', () => {
  it.each([
    ['not a list', { eventTypes: 'image.upload' }, 'expected a list of event types, got string'],
    ['a bad pattern', { eventTypes: ['compute.*.end'] }, 'only allowed as the whole last segment'],
  ])('fails a handler that declares %s at integration, and routes the rest', (_, bad, reason) => {
    const declared = { ...bad, process: () => 'never' } as unknown as Handler;
    const { set, dispatcher } = setUp({ declared });
    const extension = set.named('declared')[0];
    expect(extension?.state.status).toBe('failed');
    const error = extension?.state.status === 'failed' ? extension.state.error : undefined;
    expect(error).toBeInstanceOf(PluginIntegrationError);
    expect(error?.message).toContain(reason);
    expect(dispatcher.route('image.upload')).toEqual(['image']);
  });

  it('fails a handler whose declaration throws when read', () => {
    const throwing = {
      get eventTypes(): string[] {
        throw new Error('not configured');
      },
      process: () => 'never',
    };
    const { set } = setUp({ throwing });
    expect(set.named('throwing')[0]?.lastError?.message).toContain('not configured');
  });
});
