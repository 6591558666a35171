/**
 * The image handler: image-service notifications yield the image's existence
 * and its size in bytes. It names its three event types exactly rather than
 * `image.*`, because the image service also sends events (`image.send`,
 * `image.activate`…) whose payloads carry no size to meter.
 */
import type { Notification, NotificationHandler, Sample } from '@plugin-patterns/meter-contracts';
import { eventTime, gaugeSample, payloadAmount, payloadString } from './payload-fields.ts';

const SOURCE = 'notification:image';

export class ImageHandler implements NotificationHandler {
  readonly eventTypes: readonly string[] = ['image.upload', 'image.update', 'image.delete'];

  process(notification: Notification): Sample[] {
    const resourceId = payloadString(notification, 'id');
    const projectId = payloadString(notification, 'owner');
    const sizeBytes = payloadAmount(notification, 'size');
    const at = eventTime(notification);
    const about = { resourceId, projectId };
    return [
      gaugeSample({ ...about, meter: 'image', unit: 'image', volume: 1 }, at, SOURCE),
      gaugeSample({ ...about, meter: 'image.size', unit: 'B', volume: sizeBytes }, at, SOURCE),
    ];
  }
}
