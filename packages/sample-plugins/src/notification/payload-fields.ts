/**
 * Reading what a handler needs from a notification, and nothing it does not.
 * Notifications come from other services, over a bus, as JSON: their types
 * are a hope, not a guarantee. Each field is checked as it is read, and a
 * missing one becomes a MalformedNotificationError naming the field and the
 * message, which is what an operator needs to find the sender.
 */
import {
  MalformedNotificationError,
  type Notification,
  type Sample,
} from '@plugin-patterns/meter-contracts';

/** A non-empty string field of the payload. */
export function payloadString(notification: Notification, field: string): string {
  const value = payloadOf(notification)[field];
  if (typeof value === 'string' && value.length > 0) return value;
  throw new MalformedNotificationError(
    `payload.${field}`,
    notification,
    whatIsWrong(value, 'a string'),
  );
}

/** A finite, non-negative number field of the payload (a size, a count). */
export function payloadAmount(notification: Notification, field: string): number {
  const value = payloadOf(notification)[field];
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  throw new MalformedNotificationError(
    `payload.${field}`,
    notification,
    whatIsWrong(value, 'a non-negative number'),
  );
}

/** The notification's own time, as the samples' ISO 8601 UTC timestamp. */
export function eventTime(notification: Notification): string {
  const at = typeof notification?.timestamp === 'string' ? Date.parse(notification.timestamp) : NaN;
  if (Number.isNaN(at)) {
    throw new MalformedNotificationError('timestamp', notification, 'is not a date-time');
  }
  return new Date(at).toISOString();
}

export interface GaugeFields {
  readonly meter: string;
  readonly unit: string;
  readonly volume: number;
  readonly resourceId: string;
  readonly projectId: string;
}

/** A gauge sample about a project's resource, stamped with the notification's time. */
export function gaugeSample(fields: GaugeFields, timestamp: string, source: string): Sample {
  return { ...fields, type: 'gauge', timestamp, source };
}

function payloadOf(notification: Notification): Readonly<Record<string, unknown>> {
  const payload: unknown = notification?.payload;
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
    return payload as Readonly<Record<string, unknown>>;
  }
  throw new MalformedNotificationError('payload', notification, whatIsWrong(payload, 'an object'));
}

function whatIsWrong(value: unknown, wanted: string): string {
  if (value === undefined) return 'is missing';
  const got = value === null ? 'null' : `${typeof value} ${JSON.stringify(value)}`;
  return `must be ${wanted}, got ${got}`;
}
