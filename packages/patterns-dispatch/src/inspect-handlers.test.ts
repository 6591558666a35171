import { ExtensionSet, PluginIntegrationError } from '@plugin-patterns/loader';
import { describe, expect, it } from 'vitest';
import { inspectHandlers } from './inspect-handlers.ts';

interface Handler {
  eventTypes: unknown;
}

function inspect(handlers: Record<string, Handler>) {
  const set = ExtensionSet.fromObjects('events', handlers);
  const subscriptions = inspectHandlers(set.extensions, (h) => h.eventTypes as string[]);
  return { set, subscriptions };
}

describe('inspectHandlers: reading what each handler handles', () => {
  it('files each handler with its patterns, and says so in its history', () => {
    const { set, subscriptions } = inspect({ image: { eventTypes: ['image.upload', 'image.*'] } });
    expect(subscriptions.map((s) => [s.handler.name, s.patterns])).toEqual([
      ['image', ['image.upload', 'image.*']],
    ]);
    expect(set.extensions[0]?.history.at(-1)).toMatchObject({
      stage: 'integration',
      by: 'event-dispatcher',
      outcome: 'passed',
      detail: 'handles image.upload, image.*',
    });
  });

  it('keeps a copy, so the handler cannot change its routes later', () => {
    const declared = ['image.upload'];
    const { subscriptions } = inspect({ image: { eventTypes: declared } });
    declared.push('image.delete');
    expect(subscriptions[0]?.patterns).toEqual(['image.upload']);
    expect(Object.isFrozen(subscriptions[0]?.patterns)).toBe(true);
  });

  it('keeps a handler that declares nothing, noting that it will receive nothing', () => {
    const { set, subscriptions } = inspect({ idle: { eventTypes: [] } });
    expect(subscriptions).toHaveLength(1);
    expect(set.extensions[0]?.history.at(-1)?.detail).toContain('will receive no events');
  });
});

describe('inspectHandlers: unusable declarations fail the handler at integration', () => {
  it('lists every bad pattern, and files the other handlers', () => {
    const { set, subscriptions } = inspect({
      bad: { eventTypes: ['a.*.b', '', 7] },
      good: { eventTypes: ['a.b'] },
    });
    expect(subscriptions.map((s) => s.handler.name)).toEqual(['good']);
    const state = set.named('bad')[0]?.state;
    expect(state?.status).toBe('failed');
    const error = state?.status === 'failed' ? state.error : undefined;
    expect(error).toBeInstanceOf(PluginIntegrationError);
    expect(error?.message).toContain('"a.*.b"');
    expect(error?.message).toContain('must not be empty');
    expect(error?.message).toContain('got number');
  });

  it.each([
    ['null', null, 'got null'],
    ['an object', { 'image.upload': true }, 'an object that is not an array'],
  ])('refuses %s as the declaration', (_, eventTypes, reason) => {
    const { set } = inspect({ odd: { eventTypes } });
    expect(set.named('odd')[0]?.lastError?.message).toContain(reason);
  });
});
