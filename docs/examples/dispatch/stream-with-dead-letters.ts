// A morning of notifications through the dispatcher: every event gets an
// outcome, the broken ones end up as dead letters with their reason, and
// the rest reach their handlers and the store.
import { EventDispatcher } from '@plugin-patterns/dispatch';
import { ExtensionSet } from '@plugin-patterns/loader';
import {
  NOTIFICATION_NAMESPACE,
  type Notification,
  type NotificationHandler,
} from '@plugin-patterns/meter-contracts';
import {
  ComputeInstanceHandler,
  ImageHandler,
  loadNotificationFixture,
  MemoryStorage,
  VolumeHandler,
} from '@plugin-patterns/sample-plugins';

const handlers = ExtensionSet.fromObjects<NotificationHandler>(NOTIFICATION_NAMESPACE, {
  compute: new ComputeInstanceHandler(),
  volume: new VolumeHandler(),
  image: new ImageHandler(),
});
const dispatcher = new EventDispatcher(handlers, {
  subscriptions: (handler) => handler.eventTypes,
  eventType: (notification: Notification) => notification.event_type,
  call: (handler, notification) => handler.process(notification),
  method: 'process',
  deadLetters: 100, // keep the latest 100
});

const { notifications } = loadNotificationFixture();
const run = await dispatcher.dispatchAll(notifications);
const { events, routed, unrouted, malformed, deliveries, failed } = run.summary;
console.log(`${events} events: ${routed} routed, ${unrouted} unrouted, ${malformed} malformed`);
console.log(`${deliveries} deliveries, ${failed} failed`);

const store = new MemoryStorage({ url: 'memory:' });
for (const outcome of run.outcomes) {
  if (outcome.status !== 'routed') continue;
  for (const delivery of outcome.deliveries) if (delivery.ok) await store.write(delivery.value);
}
const perMeter = new Map<string, number>();
for (const sample of await store.query()) {
  perMeter.set(sample.meter, (perMeter.get(sample.meter) ?? 0) + 1);
}
console.log();
for (const [meter, count] of [...perMeter].sort(([a], [b]) => (a < b ? -1 : 1))) {
  console.log(`${meter.padEnd(15)} ${String(count).padStart(3)} samples stored`);
}

console.log();
for (const letter of dispatcher.deadLetters.list()) {
  const id = (letter.event as Partial<Notification>).message_id?.slice(0, 8);
  console.log(`#${letter.sequence} ${letter.reason} ${id}: ${letter.error.message}`);
}
