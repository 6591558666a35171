// Ceilometer's notification agent in miniature: every handler is loaded, says
// once which event types it handles, and each notification then goes to the
// handlers that subscribe to its type.
import { fileURLToPath } from 'node:url';
import { EventDispatcher } from '@plugin-patterns/dispatch';
import { construct, ExtensionSet, packageScan } from '@plugin-patterns/loader';
import {
  NOTIFICATION_NAMESPACE,
  type Notification,
  type NotificationHandler,
} from '@plugin-patterns/meter-contracts';

// Found as any host finds them: the packages this one depends on (docs/
// depends on the sample plugins) declare them in their `entryPoints`.
const handlers = ExtensionSet.discover<NotificationHandler>({
  namespace: NOTIFICATION_NAMESPACE,
  sources: [packageScan({ cwd: fileURLToPath(new URL('../..', import.meta.url)) })],
  integration: construct(), // each export is a class: build one of each
});

const dispatcher = await EventDispatcher.load(handlers, {
  subscriptions: (handler) => handler.eventTypes, // asked once, here
  eventType: (notification: Notification) => notification.event_type,
  call: (handler, notification) => handler.process(notification),
  method: 'process',
});

for (const { handler, patterns } of dispatcher.subscriptions()) {
  console.log(`${handler.padEnd(8)} subscribes to ${patterns.join(', ')}`);
}

console.log();
for (const type of ['compute.instance.create.end', 'volume.resize.end', 'image.send']) {
  const route = dispatcher.route(type);
  console.log(`${type.padEnd(28)} -> ${route.length === 0 ? '(no handler)' : route.join(', ')}`);
}

const notification: Notification = {
  message_id: 'a1',
  event_type: 'compute.instance.create.end',
  publisher_id: 'compute.compute-03',
  timestamp: '2026-11-26T08:00:30.276Z',
  payload: {
    instance_id: 'vm-833',
    tenant_id: 'project-a',
    vcpus: 4,
    memory_mb: 8192,
    root_gb: 80,
  },
};

// The sample handlers answer synchronously, so this outcome is a plain object;
// `await` is there because the handler API allows a promise too.
const outcome = await dispatcher.dispatch(notification);
console.log();
if (outcome.status === 'routed') {
  for (const delivery of outcome.deliveries) {
    if (!delivery.ok) continue;
    for (const sample of delivery.value) {
      console.log(`${delivery.plugin}: ${sample.meter} = ${sample.volume} ${sample.unit}`);
    }
  }
}
