/**
 * Writes fixtures/notifications.json: a simulated morning of a small cloud —
 * instances, volumes and images created, resized and deleted by a few
 * projects — as the notifications their services would send, plus six broken
 * ones at fixed places. A seeded generator and a fixed base time make every
 * run produce the same bytes, which the fixture test relies on.
 *
 *   node --conditions=@plugin-patterns/source scripts/make-notifications.ts
 */
import { writeFileSync } from 'node:fs';
import type { Notification } from '@plugin-patterns/meter-contracts';
import {
  type FixtureDefect,
  type NotificationFixture,
  notificationFixturePath,
} from '../src/notification-fixture.ts';
import { withoutEventType, withoutField } from './broken-notifications.ts';
import { drawing, mulberry32, weighted } from './seeded-random.ts';

export const FIXTURE_SEED = 20261126;
export const FIXTURE_BASE_TIMESTAMP = '2026-11-26T08:00:00.000Z';
const STEPS = 240;
/** Steps before which a broken notification is sent, one per kind of defect below. */
const DEFECT_STEPS = [23, 64, 110, 156, 185, 221];

const FLAVORS = [
  { name: 'm1.tiny', vcpus: 1, memory_mb: 512, root_gb: 1 },
  { name: 'm1.small', vcpus: 1, memory_mb: 2048, root_gb: 20 },
  { name: 'm1.medium', vcpus: 2, memory_mb: 4096, root_gb: 40 },
  { name: 'm1.large', vcpus: 4, memory_mb: 8192, root_gb: 80 },
] as const;

/** Samples a well-formed notification of each family yields (see the handlers). */
const METERS_BY_FAMILY: Record<string, readonly string[]> = {
  compute: ['instance', 'vcpus', 'memory', 'disk.root.size'],
  volume: ['volume', 'volume.size'],
  image: ['image', 'image.size'],
};

export function makeNotificationFixture(): NotificationFixture {
  const random = mulberry32(FIXTURE_SEED);
  const { pick, pickAny, take, int, uuid } = drawing(random);
  const projects = Array.from({ length: 4 }, () => uuid().replaceAll('-', ''));
  const users = Array.from({ length: 6 }, () => uuid().replaceAll('-', ''));
  let clock = Date.parse(FIXTURE_BASE_TIMESTAMP);
  const notifications: Notification[] = [];
  const defects: FixtureDefect[] = [];
  const counts: Record<string, number> = {};

  const send = (event_type: string, publisher_id: string, payload: Record<string, unknown>) => {
    clock += int(200, 40_000);
    const n = { message_id: uuid(), event_type, publisher_id, priority: 'INFO' };
    notifications.push({ ...n, timestamp: new Date(clock).toISOString(), payload });
    for (const meter of METERS_BY_FAMILY[event_type.split('.')[0] ?? ''] ?? []) {
      counts[meter] = (counts[meter] ?? 0) + 1;
    }
  };
  /** Sends a notification the handlers must reject, and lists it as a defect. */
  const sendBroken = (defect: Omit<FixtureDefect, 'messageId'>, build: () => Notification) => {
    clock += int(200, 40_000);
    const n = { ...build(), timestamp: new Date(clock).toISOString() };
    notifications.push(n);
    defects.push({ messageId: n.message_id, ...defect });
  };

  const instances: Record<string, unknown>[] = [];
  const volumes: Record<string, unknown>[] = [];
  const images: Record<string, unknown>[] = [];
  const computeHost = () => `compute-0${int(1, 4)}`;
  const created = () => new Date(clock).toISOString();

  const actions: (() => void)[] = [
    () => {
      const flavor = pick(FLAVORS);
      const host = computeHost();
      const instance = {
        instance_id: uuid(),
        tenant_id: pick(projects),
        user_id: pick(users),
        display_name: `vm-${int(100, 999)}`,
        instance_type: flavor.name,
        vcpus: flavor.vcpus,
        memory_mb: flavor.memory_mb,
        root_gb: flavor.root_gb,
        ephemeral_gb: 0,
        host,
        state: 'building',
        created_at: created(),
      };
      send('compute.instance.create.start', `compute.${host}`, instance);
      instances.push({ ...instance, state: 'active' });
      send('compute.instance.create.end', `compute.${host}`, { ...instance, state: 'active' });
    },
    () => {
      const instance = pickAny(instances);
      if (instance === undefined) return;
      const flavor = pick(FLAVORS);
      Object.assign(instance, {
        instance_type: flavor.name,
        vcpus: flavor.vcpus,
        memory_mb: flavor.memory_mb,
        root_gb: flavor.root_gb,
      });
      send('compute.instance.resize.end', `compute.${instance.host}`, { ...instance });
    },
    () => {
      const instance = pickAny(instances);
      if (instance === undefined) return;
      // `exists` is the hourly audit event; the others end a user's action.
      const event = pick(['power_off.end', 'power_on.end', 'reboot.end', 'exists'] as const);
      send(`compute.instance.${event}`, `compute.${instance.host}`, { ...instance });
    },
    () => {
      const instance = take(instances);
      if (instance === undefined) return;
      send('compute.instance.delete.start', `compute.${instance.host}`, { ...instance });
      send('compute.instance.delete.end', `compute.${instance.host}`, {
        ...instance,
        state: 'deleted',
      });
    },
    () => {
      const volume = {
        volume_id: uuid(),
        tenant_id: pick(projects),
        user_id: pick(users),
        display_name: `data-${int(10, 99)}`,
        size: pick([1, 10, 20, 50, 100]),
        volume_type: pick(['standard', 'ssd']),
        status: 'available',
        created_at: created(),
      };
      volumes.push(volume);
      send('volume.create.end', 'volume.storage-01', volume);
    },
    () => {
      const volume = pickAny(volumes);
      if (volume === undefined) return;
      volume.size = (volume.size as number) + pick([10, 20, 50]);
      send('volume.resize.end', 'volume.storage-01', { ...volume });
    },
    () => {
      const volume = pickAny(volumes);
      const instance = pickAny(instances);
      if (volume === undefined || instance === undefined) return;
      const payload = { ...volume, status: 'in-use', instance_uuid: instance.instance_id };
      send('volume.attach.end', 'volume.storage-01', payload);
    },
    () => {
      const volume = take(volumes);
      if (volume !== undefined) {
        send('volume.delete.end', 'volume.storage-01', { ...volume, status: 'deleted' });
      }
    },
    () => {
      const image = {
        id: uuid(),
        owner: pick(projects),
        name: pick(['ubuntu-24.04', 'debian-13', 'fedora-43', 'alpine-3.22']),
        disk_format: pick(['qcow2', 'raw']),
        container_format: 'bare',
        size: int(40, 2400) * 1_048_576,
        status: 'active',
        created_at: created(),
      };
      images.push(image);
      send('image.upload', 'image.glance-01', image);
    },
    () => {
      const image = pickAny(images);
      if (image !== undefined) send('image.update', 'image.glance-01', { ...image });
    },
    () => {
      const image = take(images);
      if (image !== undefined)
        send('image.delete', 'image.glance-01', { ...image, status: 'deleted' });
    },
  ];
  // How often each action is chosen: creation and routine events dominate.
  const weights = [8, 2, 6, 3, 4, 2, 2, 2, 3, 2, 1];

  const brokenOnes: (() => void)[] = [
    () => sendBroken({ kind: 'no-event-type' }, () => withoutEventType(notifications, pick, uuid)),
    () =>
      sendBroken({ kind: 'unknown-event-type' }, () => ({
        message_id: uuid(),
        event_type: 'network.create.end',
        publisher_id: 'network.neutron-01',
        timestamp: '',
        payload: { network_id: uuid(), tenant_id: pick(projects), name: 'private' },
      })),
    () =>
      sendBroken({ kind: 'missing-payload-field', field: 'payload.instance_id' }, () =>
        withoutField(notifications, 'compute.instance.create.end', 'instance_id', uuid),
      ),
    () =>
      sendBroken({ kind: 'unknown-event-type' }, () => ({
        message_id: uuid(),
        event_type: 'identity.project.created',
        publisher_id: 'identity.keystone-01',
        timestamp: '',
        payload: { resource_info: pick(projects) },
      })),
    () =>
      sendBroken({ kind: 'missing-payload-field', field: 'payload.size' }, () =>
        withoutField(notifications, 'volume.create.end', 'size', uuid),
      ),
    () =>
      sendBroken({ kind: 'missing-payload-field', field: 'payload.owner' }, () =>
        withoutField(notifications, 'image.upload', 'owner', uuid),
      ),
  ];

  for (let step = 0; step < STEPS; step++) {
    const broken = DEFECT_STEPS.indexOf(step);
    if (broken !== -1) brokenOnes[broken]?.();
    actions[weighted(weights, random)]?.();
  }

  return {
    about:
      'A simulated morning of a small cloud as the notifications its services send. Generated by scripts/make-notifications.ts; do not edit by hand.',
    seed: FIXTURE_SEED,
    baseTimestamp: FIXTURE_BASE_TIMESTAMP,
    notifications,
    defects,
    expectedSampleCounts: Object.fromEntries(
      Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)),
    ),
  };
}

/** The file's exact text: two-space JSON and a final newline. */
export function serializeFixture(fixture: NotificationFixture): string {
  return `${JSON.stringify(fixture, null, 2)}\n`;
}

if (import.meta.main) {
  writeFileSync(notificationFixturePath, serializeFixture(makeNotificationFixture()));
  console.log(`wrote ${notificationFixturePath}`);
}
