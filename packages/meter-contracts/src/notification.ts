/**
 * `meter.notification`: handlers that turn the notifications other services
 * emit (an instance was created, a volume resized…) into samples. The host
 * loads them all and dispatches each notification to the handlers that say
 * they handle its event type.
 */
import type { Sample } from './sample.ts';

export const NOTIFICATION_NAMESPACE = 'meter.notification';

/** An OpenStack-style notification, as it arrives from the message bus. */
export interface Notification {
  readonly message_id: string;
  /** e.g. `compute.instance.create.end`. */
  readonly event_type: string;
  readonly publisher_id: string;
  /** ISO 8601 UTC. */
  readonly timestamp: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface NotificationHandler {
  /** Event types handled: exact (`image.upload`) or wildcard (`compute.instance.*`). */
  readonly eventTypes: readonly string[];
  /**
   * The samples a notification yields. Throws MalformedNotificationError when
   * a field it needs is missing; may return a promise.
   */
  process(notification: Notification): Sample[] | Promise<Sample[]>;
}

/** A handler's export: a class the host constructs without arguments. */
export type NotificationHandlerClass = new () => NotificationHandler;

/** The notification lacks something the handler needs. Names the field and the message. */
export class MalformedNotificationError extends Error {
  readonly field: string;
  readonly messageId: string | undefined;
  constructor(field: string, notification: unknown, detail = 'is missing or has the wrong type') {
    const id =
      typeof notification === 'object' && notification !== null && 'message_id' in notification
        ? String((notification as { message_id: unknown }).message_id)
        : undefined;
    super(`notification ${id ?? '(no message_id)'}: ${field} ${detail}`);
    this.name = 'MalformedNotificationError';
    this.field = field;
    this.messageId = id;
  }
}
