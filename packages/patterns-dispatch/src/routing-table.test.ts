import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesEventPattern, parseEventPattern } from './event-pattern.ts';
import { RoutingTable, type Subscription } from './routing-table.ts';

const ceilometerLike: Subscription<string>[] = [
  { handler: 'instance', patterns: ['compute.instance.*'] },
  { handler: 'volume', patterns: ['volume.create.end', 'volume.resize.end', 'volume.delete.end'] },
  { handler: 'image', patterns: ['image.upload', 'image.delete'] },
  { handler: 'audit', patterns: ['*'] },
  { handler: 'instance-exists', patterns: ['compute.instance.exists'] },
];

describe('RoutingTable: routing', () => {
  const table = new RoutingTable(ceilometerLike);

  it('routes an exact type to the handlers that named it, plus the catch-alls', () => {
    expect(table.route('image.upload')).toEqual(['image', 'audit']);
    expect(table.route('volume.resize.end')).toEqual(['volume', 'audit']);
  });

  it('routes compute.instance.create.end through the compute.instance.* wildcard', () => {
    expect(table.route('compute.instance.create.end')).toEqual(['instance', 'audit']);
  });

  it('joins exact and wildcard subscribers in subscription order', () => {
    expect(table.route('compute.instance.exists')).toEqual([
      'instance',
      'audit',
      'instance-exists',
    ]);
  });

  it('sends a type nobody names only to the catch-all', () => {
    expect(table.route('network.create.end')).toEqual(['audit']);
  });

  it('does not let a wildcard match its own prefix', () => {
    expect(table.route('compute.instance')).toEqual(['audit']);
  });

  it('returns no handlers when nothing matches', () => {
    const narrow = new RoutingTable([{ handler: 'image', patterns: ['image.upload'] }]);
    expect(narrow.route('image.delete')).toEqual([]);
  });

  it('lists a handler once even when several of its patterns match', () => {
    const overlapping = new RoutingTable([
      {
        handler: 'a',
        patterns: ['compute.*', 'compute.instance.*', 'compute.instance.create.end'],
      },
      { handler: 'b', patterns: ['compute.instance.create.end', 'compute.instance.create.end'] },
    ]);
    expect(overlapping.route('compute.instance.create.end')).toEqual(['a', 'b']);
  });

  it('refuses an invalid pattern when it is built', () => {
    expect(() => new RoutingTable([{ handler: 'x', patterns: ['compute.*.end'] }])).toThrow(
      TypeError,
    );
  });
});

describe('RoutingTable: the route cache', () => {
  it('answers a repeated event type with the same frozen array', () => {
    const table = new RoutingTable(ceilometerLike);
    const first = table.route('image.upload');
    expect(table.route('image.upload')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(table.cachedRoutes).toBe(1);
  });

  it('remembers at most cacheSize event types, forgetting the oldest first', () => {
    const table = new RoutingTable(ceilometerLike, { cacheSize: 2 });
    const first = table.route('image.upload');
    table.route('image.delete');
    table.route('volume.create.end');
    expect(table.cachedRoutes).toBe(2);
    // Forgotten, so computed again: equal, but a new array.
    const again = table.route('image.upload');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('can be turned off', () => {
    const table = new RoutingTable(ceilometerLike, { cacheSize: 0 });
    table.route('image.upload');
    expect(table.cachedRoutes).toBe(0);
  });
});

describe('RoutingTable: agrees with the matching rules', () => {
  // Small alphabets make overlaps (shared prefixes, equal types) common.
  const segment = fc.constantFrom('compute', 'instance', 'create', 'end', 'a', 'b');
  const eventType = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('.'));
  const pattern = fc.oneof(
    eventType,
    fc.constant('*'),
    fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `${s.join('.')}.*`),
  );
  const subscriptions = fc.array(fc.array(pattern, { maxLength: 4 }), { maxLength: 8 });

  it('routes every event type to exactly the handlers one of whose patterns matches it', () => {
    fc.assert(
      fc.property(subscriptions, fc.array(eventType, { maxLength: 10 }), (declared, types) => {
        const table = new RoutingTable(
          declared.map((patterns, handler) => ({ handler, patterns })),
        );
        for (const type of types) {
          const expected = declared.flatMap((patterns, handler) =>
            patterns.some((p) => {
              const parsed = parseEventPattern(p);
              return parsed.ok && matchesEventPattern(parsed.pattern, type);
            })
              ? [handler]
              : [],
          );
          expect(table.route(type)).toEqual(expected);
        }
      }),
    );
  });
});
