/**
 * End to end: the sample notification handlers, found and loaded as a host
 * finds them (a scan of this package's installed dependencies for their
 * `entryPoints`, each class constructed), route the committed fixture stream
 * of notifications, and what they produce is written into a sample storage
 * driver. The expected numbers are worked out here from the fixture itself —
 * its event types and its list of deliberately broken messages — not taken
 * from the handlers' code.
 */
import { fileURLToPath } from 'node:url';
import { construct, ExtensionSet, PluginCallError, packageScan } from '@plugin-patterns/loader';
import {
  MalformedNotificationError,
  NOTIFICATION_NAMESPACE,
  type Notification,
  type NotificationHandler,
  type Sample,
  type StorageDriver,
} from '@plugin-patterns/meter-contracts';
import {
  loadNotificationFixture,
  MemoryStorage,
  SqliteStorage,
} from '@plugin-patterns/sample-plugins';
import { describe, expect, it } from 'vitest';
import { EventDispatcher, MalformedEventError, UnroutedEventError } from '../src/index.ts';

const fixture = loadNotificationFixture();

/** Which meters each family of event types yields, as the handlers document them. */
const METERS_BY_FAMILY: readonly { matches: (type: string) => boolean; meters: string[] }[] = [
  {
    matches: (t) => t.startsWith('compute.instance.'),
    meters: ['instance', 'vcpus', 'memory', 'disk.root.size'],
  },
  { matches: (t) => t.startsWith('volume.'), meters: ['volume', 'volume.size'] },
  {
    matches: (t) => ['image.upload', 'image.update', 'image.delete'].includes(t),
    meters: ['image', 'image.size'],
  },
];

/** Samples per meter, counted from the fixture's own event types and defect list. */
function expectedCounts(): Record<string, number> {
  const broken = new Set(fixture.defects.map((d) => d.messageId));
  const counts: Record<string, number> = {};
  for (const n of fixture.notifications) {
    if (broken.has(n.message_id) || typeof n.event_type !== 'string') continue;
    for (const family of METERS_BY_FAMILY) {
      if (!family.matches(n.event_type)) continue;
      for (const meter of family.meters) counts[meter] = (counts[meter] ?? 0) + 1;
    }
  }
  return counts;
}

function defectIds(kind: string): string[] {
  return fixture.defects.filter((d) => d.kind === kind).map((d) => d.messageId);
}

/** This package's folder: sample-plugins is one of its (dev) dependencies. */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

function discoverHandlers(): ExtensionSet<NotificationHandler> {
  return ExtensionSet.discover<NotificationHandler>({
    namespace: NOTIFICATION_NAMESPACE,
    sources: [packageScan({ cwd: packageRoot, include: ['devDependencies'], cache: false })],
    integration: construct(),
  });
}

async function routeFixtureInto(storage: StorageDriver) {
  const handlers = discoverHandlers();
  const dispatcher = await EventDispatcher.load(handlers, {
    subscriptions: (handler) => handler.eventTypes,
    eventType: (n: Notification) => n.event_type,
    call: (handler, n) => handler.process(n),
    method: 'process',
  });
  const run = await dispatcher.dispatchAll(fixture.notifications);
  for (const outcome of run.outcomes) {
    if (outcome.status !== 'routed') continue;
    for (const delivery of outcome.deliveries) {
      if (delivery.ok) await storage.write(delivery.value);
    }
  }
  return { handlers, dispatcher, run };
}

function countByMeter(samples: readonly Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of samples) counts[s.meter] = (counts[s.meter] ?? 0) + 1;
  return counts;
}

describe('the handlers, found by discovery', () => {
  it('are the three sample handlers, loaded and routed by what they declare', async () => {
    const { handlers, dispatcher } = await routeFixtureInto(new MemoryStorage({ url: 'memory:' }));
    expect(handlers.ready().map((e) => e.name)).toEqual(['compute', 'volume', 'image']);
    expect(handlers.ready().map((e) => e.source.kind)).toEqual(['package', 'package', 'package']);
    expect(dispatcher.route('compute.instance.create.end')).toEqual(['compute']);
    expect(dispatcher.route('volume.attach.end')).toEqual(['volume']);
    expect(dispatcher.route('image.update')).toEqual(['image']);
  });
});

describe.each([
  ['memory', () => new MemoryStorage({ url: 'memory:' })],
  ['sqlite', () => new SqliteStorage({ url: 'sqlite::memory:' })],
])('the fixture stream, routed to the sample handlers, stored in %s', (_, openStorage) => {
  it('stores exactly the samples the well-formed notifications yield, per meter', async () => {
    const storage = openStorage();
    await routeFixtureInto(storage);
    const stored = countByMeter(await storage.query());
    expect(stored).toEqual(expectedCounts());
    // The fixture states its own expectation too; both must agree.
    expect(stored).toEqual(fixture.expectedSampleCounts);
    await storage.close();
  });

  it('accounts for every notification: routed, unrouted or malformed', async () => {
    const storage = openStorage();
    const { run } = await routeFixtureInto(storage);
    const noType = defectIds('no-event-type').length;
    const unknownType = defectIds('unknown-event-type').length;
    expect(run.summary).toEqual({
      events: fixture.notifications.length,
      routed: fixture.notifications.length - noType - unknownType,
      unrouted: unknownType,
      malformed: noType,
      // Each routed notification reaches exactly one of the three handlers.
      deliveries: fixture.notifications.length - noType - unknownType,
      failed: defectIds('missing-payload-field').length,
    });
    await storage.close();
  });

  it('dead-letters each broken notification with its reason, and only those', async () => {
    const storage = openStorage();
    const { dispatcher } = await routeFixtureInto(storage);
    const letters = dispatcher.deadLetters.list();
    const byReason = (reason: string) =>
      letters
        .filter((l) => l.reason === reason)
        .map((l) => (l.event as Notification).message_id)
        .sort();
    expect(byReason('malformed')).toEqual(defectIds('no-event-type').sort());
    expect(byReason('unrouted')).toEqual(defectIds('unknown-event-type').sort());
    expect(byReason('failed')).toEqual(defectIds('missing-payload-field').sort());
    for (const letter of letters) {
      if (letter.reason === 'malformed') expect(letter.error).toBeInstanceOf(MalformedEventError);
      if (letter.reason === 'unrouted') expect(letter.error).toBeInstanceOf(UnroutedEventError);
    }
    await storage.close();
  });
});

describe('a handler failure names the handler, the message and the missing field', () => {
  it('wraps the MalformedNotificationError in a PluginCallError on the handler', async () => {
    const { dispatcher } = await routeFixtureInto(new MemoryStorage({ url: 'memory:' }));
    const failed = dispatcher.deadLetters.list().filter((l) => l.reason === 'failed');
    for (const letter of failed) {
      const defect = fixture.defects.find(
        (d) => d.messageId === (letter.event as Notification).message_id,
      );
      expect(letter.error).toBeInstanceOf(PluginCallError);
      expect(letter.error.namespace).toBe(NOTIFICATION_NAMESPACE);
      expect(letter.error.plugin).toBe(letter.handler);
      const cause = letter.error.cause as MalformedNotificationError;
      expect(cause).toBeInstanceOf(MalformedNotificationError);
      expect(cause.field).toBe(defect?.field);
      expect(cause.messageId).toBe(defect?.messageId);
    }
    expect(failed).toHaveLength(defectIds('missing-payload-field').length);
  });
});
