// A notification agent on the in-process transport: it consumes each message,
// routes it with the dispatcher, writes its samples with the message's id, and
// acknowledges it only then. Poison messages go to the dead-letter queue with
// their reason, and the messages behind them go through. The handlers are
// loaded as the tour loads them: every installed one, held to its contract.
import { join } from 'node:path';
import { EventDispatcher } from '@plugin-patterns/dispatch';
import {
  allInstalled,
  construct,
  convention,
  ExtensionSet,
  packageScan,
} from '@plugin-patterns/loader';
import type { Notification, NotificationHandler } from '@plugin-patterns/meter-contracts';
import {
  loadNotificationFixture,
  MemoryStorage,
  MemoryTransport,
} from '@plugin-patterns/sample-plugins';
import { NotificationAgent } from '@plugin-patterns/tour/agent';

const host = join(import.meta.dirname, '../../../packages/tour');
const handlers = ExtensionSet.discover<NotificationHandler>({
  namespace: 'meter.notification',
  sources: [packageScan({ cwd: host, cache: false })],
  policies: [allInstalled()],
  integration: construct(),
  // A handler without these members fails at load, named, and gets no messages.
  contract: convention<NotificationHandler>({
    name: 'NotificationHandler',
    members: { eventTypes: 'array', process: 'function' },
  }),
});
const notifications = await EventDispatcher.load(handlers, {
  subscriptions: (handler) => handler.eventTypes,
  eventType: (notification: Notification) => notification.event_type,
  call: (handler, notification: Notification) => handler.process(notification),
  method: 'process', // named in a failed call's message
});

const transport = new MemoryTransport({ url: 'memory:' });
const storage = new MemoryStorage({ url: 'memory:' });
const stream = loadNotificationFixture().notifications.slice(0, 40);
await transport.publish([...stream, 'not a notification']);

const agent = new NotificationAgent({ transport, notifications, storage });
await agent.start();
await agent.settled(stream.length + 1);
await agent.stop();

const { acknowledged, deadLettered, samples } = agent.stats;
console.log(
  `${acknowledged} acknowledged, ${deadLettered} dead-lettered, ${samples} samples stored`,
);
for (const letter of await transport.drainDeadLetters()) {
  console.log(`dead letter ${letter.messageId ?? '(no id)'}:\n  ${letter.reason}`);
}
console.log(`${await transport.depth()} messages left on the queue`);
