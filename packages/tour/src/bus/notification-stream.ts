/**
 * A long stream of notifications for the bus's scale-out test and benchmark:
 * the fixture's well-formed notifications, repeated. Each copy gets a message
 * id and resource ids of its own, so every copy is a distinct message with
 * distinct samples, and a sample stored twice can be told from two samples.
 */
import type { Notification } from '@plugin-patterns/meter-contracts';
import { loadNotificationFixture, wellFormedNotifications } from '@plugin-patterns/sample-plugins';

/** The payload fields the sample handlers read a resource id from. */
const RESOURCE_FIELDS = ['id', 'instance_id', 'volume_id'];

export function notificationStream(count: number): Notification[] {
  const base = wellFormedNotifications(loadNotificationFixture());
  return Array.from({ length: count }, (_, i) => {
    const original = base[i % base.length] as Notification;
    const copy = Math.floor(i / base.length);
    const payload: Record<string, unknown> = { ...original.payload };
    for (const field of RESOURCE_FIELDS) {
      if (typeof payload[field] === 'string') payload[field] = `${payload[field]}.${copy}`;
    }
    return { ...original, message_id: `${original.message_id}.${copy}`, payload };
  });
}
