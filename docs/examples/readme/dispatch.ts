// The dispatcher in one screen: each notification goes to the handlers that
// subscribed to its event type; the routing table is built once, from what
// the handlers say they handle.
import { EventDispatcher } from '@plugin-patterns/dispatch';
import { ExtensionSet } from '@plugin-patterns/loader';
import type { Notification, NotificationHandler } from '@plugin-patterns/meter-contracts';
import {
  ComputeInstanceHandler,
  ImageHandler,
  loadNotificationFixture,
} from '@plugin-patterns/sample-plugins';

const handlers = ExtensionSet.fromObjects<NotificationHandler>('meter.notification', {
  compute: new ComputeInstanceHandler(), // handles compute.instance.*
  image: new ImageHandler(), // handles image.upload, image.update, image.delete
});

const dispatcher = new EventDispatcher(handlers, {
  subscriptions: (handler) => handler.eventTypes, // asked once, here
  eventType: (notification: Notification) => notification.event_type,
  call: (handler, notification) => handler.process(notification),
  method: 'process',
});

console.log(dispatcher.route('compute.instance.create.end')); // who would get it
const run = await dispatcher.dispatchAll(loadNotificationFixture().notifications);
console.log(run.summary);
// Failed deliveries, malformed and unrouted events, each with its reason.
console.log(`${dispatcher.deadLetters.list().length} dead letters`);
