import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isSample,
  MalformedNotificationError,
  type Notification,
  type NotificationHandler,
} from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { makeNotificationFixture, serializeFixture } from '../scripts/make-notifications.ts';
import { ComputeInstanceHandler } from './notification/compute.ts';
import { ImageHandler } from './notification/image.ts';
import { VolumeHandler } from './notification/volume.ts';
import {
  loadNotificationFixture,
  notificationFixturePath,
  wellFormedNotifications,
} from './notification-fixture.ts';

const handlers: NotificationHandler[] = [
  new ComputeInstanceHandler(),
  new VolumeHandler(),
  new ImageHandler(),
];

/** The handler whose event types match, the way a dispatcher would route. */
function handlerFor(eventType: unknown): NotificationHandler | undefined {
  if (typeof eventType !== 'string') return undefined;
  return handlers.find((h) =>
    h.eventTypes.some((pattern) =>
      pattern.endsWith('.*') ? eventType.startsWith(pattern.slice(0, -1)) : pattern === eventType,
    ),
  );
}

describe('the committed fixture file', () => {
  it('is exactly what the generator produces now', () => {
    const committed = readFileSync(notificationFixturePath, 'utf8');
    expect(serializeFixture(makeNotificationFixture()) === committed).toBe(true);
  });

  it('loads as a few hundred notifications, six of them broken on purpose', () => {
    const fixture = loadNotificationFixture();
    expect(fixture.notifications.length).toBeGreaterThanOrEqual(200);
    expect(fixture.defects.map((d) => d.kind).sort()).toEqual([
      'missing-payload-field',
      'missing-payload-field',
      'missing-payload-field',
      'no-event-type',
      'unknown-event-type',
      'unknown-event-type',
    ]);
    const ids = new Set(fixture.notifications.map((n) => n.message_id));
    expect(ids.size).toBe(fixture.notifications.length);
    expect(fixture.defects.every((d) => ids.has(d.messageId))).toBe(true);
  });

  it('is in time order from the fixed base time', () => {
    const fixture = loadNotificationFixture();
    const times = fixture.notifications.map((n) => Date.parse(n.timestamp));
    expect(times[0]).toBeGreaterThan(Date.parse(fixture.baseTimestamp));
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] ?? 0))).toBe(true);
  });

  it('returns a fresh copy on each load', () => {
    const first = loadNotificationFixture();
    (first.notifications as Notification[]).length = 0;
    expect(loadNotificationFixture().notifications.length).toBeGreaterThan(0);
  });
});

describe('the handlers over the fixture', () => {
  it('turn every well-formed notification into valid samples, as many per meter as expected', async () => {
    const fixture = loadNotificationFixture();
    const counts: Record<string, number> = {};
    for (const notification of wellFormedNotifications(fixture)) {
      const handler = handlerFor(notification.event_type);
      if (handler === undefined) throw new Error(`no handler for ${notification.event_type}`);
      for (const sample of await handler.process(notification)) {
        expect(isSample(sample)).toBe(true);
        counts[sample.meter] = (counts[sample.meter] ?? 0) + 1;
      }
    }
    expect(counts).toEqual(fixture.expectedSampleCounts);
  });

  it('find each broken notification broken in the way the fixture says', () => {
    const fixture = loadNotificationFixture();
    const byId = new Map(fixture.notifications.map((n) => [n.message_id, n]));
    for (const defect of fixture.defects) {
      const notification = byId.get(defect.messageId) as Notification;
      const handler = handlerFor(notification.event_type);
      if (defect.kind !== 'missing-payload-field') {
        expect(handler).toBeUndefined();
        expect('event_type' in notification).toBe(defect.kind !== 'no-event-type');
        continue;
      }
      expect(() => handler?.process(notification)).toThrow(MalformedNotificationError);
      try {
        handler?.process(notification);
      } catch (error) {
        expect((error as MalformedNotificationError).field).toBe(defect.field);
        expect((error as MalformedNotificationError).messageId).toBe(defect.messageId);
      }
    }
  });
});

describe('where the fixture file is', () => {
  it('can be given, for a bundle that ships it elsewhere', () => {
    expect(loadNotificationFixture({ path: notificationFixturePath }).seed).toBe(
      loadNotificationFixture().seed,
    );
  });

  it('names the file it needs and where it looked, when it is not there', () => {
    const missing = join(tmpdir(), 'no-such-folder', 'notifications.json');
    expect(() => loadNotificationFixture({ path: missing })).toThrow(
      `loadNotificationFixture() needs fixtures/notifications.json of @plugin-patterns/sample-plugins, and it is not at ${missing}.`,
    );
  });
});
