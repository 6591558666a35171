// At-least-once, made harmless: a message whose agent died after writing but
// before acknowledging is delivered again. The samples are written with the
// message's id, and a second write of the same id stores nothing.
import { MemoryStorage } from '@plugin-patterns/sample-plugins';

const storage = new MemoryStorage({ url: 'memory:' });
const samples = [
  {
    meter: 'image.size',
    type: 'gauge' as const,
    unit: 'B',
    volume: 1574961152,
    resourceId: 'image-1',
    projectId: 'project-1',
    timestamp: '2026-11-26T08:15:46.678Z',
    source: 'notification:image',
  },
];

await storage.write(samples, { messageId: 'message-7' }); // the first delivery
await storage.write(samples, { messageId: 'message-7' }); // redelivered: stores nothing
console.log(`with the message id: ${(await storage.query()).length} sample stored`);

await storage.write(samples); // without an id, a redelivery is a duplicate
await storage.write(samples);
console.log(`without it: ${(await storage.query()).length} samples stored`);
