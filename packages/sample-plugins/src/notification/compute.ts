/**
 * The compute handler: every `compute.instance.*` notification (create,
 * resize, delete…) says what an instance has at that moment, so it yields the
 * instance's existence and its size — vCPUs, memory, root disk — as gauges
 * about that instance, billed to its project.
 */
import type { Notification, NotificationHandler, Sample } from '@plugin-patterns/meter-contracts';
import { eventTime, gaugeSample, payloadAmount, payloadString } from './payload-fields.ts';

const SOURCE = 'notification:compute.instance';

export class ComputeInstanceHandler implements NotificationHandler {
  readonly eventTypes: readonly string[] = ['compute.instance.*'];

  process(notification: Notification): Sample[] {
    // Read every field before producing anything: a malformed notification
    // yields no samples at all, not the first two of four.
    const resourceId = payloadString(notification, 'instance_id');
    const projectId = payloadString(notification, 'tenant_id');
    const vcpus = payloadAmount(notification, 'vcpus');
    const memoryMb = payloadAmount(notification, 'memory_mb');
    const rootGb = payloadAmount(notification, 'root_gb');
    const at = eventTime(notification);
    const about = { resourceId, projectId };
    return [
      gaugeSample({ ...about, meter: 'instance', unit: 'instance', volume: 1 }, at, SOURCE),
      gaugeSample({ ...about, meter: 'vcpus', unit: 'vcpu', volume: vcpus }, at, SOURCE),
      gaugeSample({ ...about, meter: 'memory', unit: 'MB', volume: memoryMb }, at, SOURCE),
      gaugeSample({ ...about, meter: 'disk.root.size', unit: 'GB', volume: rootGb }, at, SOURCE),
    ];
  }
}
