/**
 * The fixture's deliberately broken notifications, made from well-formed ones
 * sent earlier so they look like what a real bus delivers: a message that lost
 * a field on the way, not an obviously synthetic object.
 */
import type { Notification } from '@plugin-patterns/meter-contracts';

/** A copy of an earlier compute notification whose event type got lost on the way. */
export function withoutEventType(
  sent: readonly Notification[],
  pick: <T>(items: readonly T[]) => T,
  uuid: () => string,
): Notification {
  const model = pick(sent.filter((n) => n.event_type.startsWith('compute.')));
  const { event_type: _lost, ...rest } = model;
  return { ...rest, message_id: uuid() } as unknown as Notification;
}

/** A new notification like the latest one of `eventType`, without one payload field. */
export function withoutField(
  sent: readonly Notification[],
  eventType: string,
  field: string,
  uuid: () => string,
): Notification {
  const model = sent.findLast((n) => n.event_type === eventType);
  if (model === undefined)
    throw new Error(`no ${eventType} sent yet to copy: move the defect later`);
  const { [field]: _lost, ...payload } = model.payload;
  return { ...model, message_id: uuid(), payload };
}
