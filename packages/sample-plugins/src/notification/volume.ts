/**
 * The volume handler: block-storage notifications (`volume.create.end`,
 * `volume.resize.end`, `volume.delete.end`…) yield the volume's existence and
 * its size in GB, about that volume, billed to its project.
 */
import type { Notification, NotificationHandler, Sample } from '@plugin-patterns/meter-contracts';
import { eventTime, gaugeSample, payloadAmount, payloadString } from './payload-fields.ts';

const SOURCE = 'notification:volume';

export class VolumeHandler implements NotificationHandler {
  readonly eventTypes: readonly string[] = ['volume.*'];

  process(notification: Notification): Sample[] {
    const resourceId = payloadString(notification, 'volume_id');
    const projectId = payloadString(notification, 'tenant_id');
    const sizeGb = payloadAmount(notification, 'size');
    const at = eventTime(notification);
    const about = { resourceId, projectId };
    return [
      gaugeSample({ ...about, meter: 'volume', unit: 'volume', volume: 1 }, at, SOURCE),
      gaugeSample({ ...about, meter: 'volume.size', unit: 'GB', volume: sizeGb }, at, SOURCE),
    ];
  }
}
