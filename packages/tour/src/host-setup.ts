/**
 * The tour's host, loaded: one manager per namespace, each the composition
 * of one choice per stage, all from one package scan of the tour package's
 * dependencies.
 *
 * - storage: the driver pattern — one driver, chosen by the URL's scheme,
 *   constructed with `{ url }`; the other drivers are never imported;
 * - notifications: the dispatcher — every handler loaded and asked what it
 *   handles, each notification routed by its event type;
 * - pollsters: the iterator — every available pollster called in turn;
 * - faulty: loaded like pollsters, to show where each one stops.
 */
import { EventDispatcher } from '@plugin-patterns/dispatch';
import { DriverManager } from '@plugin-patterns/driver';
import { IteratorManager } from '@plugin-patterns/iterator';
import { type DiscoverySource, ExtensionSet } from '@plugin-patterns/loader';
import type {
  Notification,
  NotificationHandler,
  Pollster,
  Sample,
  StorageDriver,
} from '@plugin-patterns/meter-contracts';
import { storageContract } from './host-contracts.ts';
import {
  FAULTY,
  faultyPipeline,
  NOTIFICATION,
  notificationPipeline,
  POLLSTER,
  pollsterPipeline,
  STORAGE,
} from './plugin-host.ts';

export interface TourHost {
  readonly storage: DriverManager<StorageDriver>;
  readonly handlers: ExtensionSet<NotificationHandler>;
  readonly notifications: EventDispatcher<
    NotificationHandler,
    Notification,
    Sample[] | Promise<Sample[]>
  >;
  readonly pollsters: IteratorManager<Pollster>;
  readonly faulty: ExtensionSet<Pollster>;
}

export async function loadHost(source: DiscoverySource, storageUrl: string): Promise<TourHost> {
  const storage = await loadStorage(source, storageUrl);
  const { handlers, notifications } = await loadNotificationRouting(source);
  const pollsterSet = ExtensionSet.discover<Pollster>({
    namespace: POLLSTER,
    sources: [source],
    ...pollsterPipeline,
  });
  const pollsters = await new IteratorManager(pollsterSet, { method: 'poll' }).load();
  const faulty = ExtensionSet.discover<Pollster>({
    namespace: FAULTY,
    sources: [source],
    ...faultyPipeline,
  });
  await faulty.loadAll();
  return { storage, handlers, notifications, pollsters, faulty };
}

/** The storage driver the URL's scheme names, constructed with `{ url }`. */
export function loadStorage(
  source: DiscoverySource,
  storageUrl: string,
): Promise<DriverManager<StorageDriver>> {
  return DriverManager.load<StorageDriver>({
    namespace: STORAGE,
    sources: [source],
    url: storageUrl,
    args: [{ url: storageUrl }],
    contract: storageContract,
  });
}

/** Every notification handler, and the dispatcher that routes by event type. */
export async function loadNotificationRouting(
  source: DiscoverySource,
): Promise<Pick<TourHost, 'handlers' | 'notifications'>> {
  const handlers = ExtensionSet.discover<NotificationHandler>({
    namespace: NOTIFICATION,
    sources: [source],
    ...notificationPipeline,
  });
  const notifications = await EventDispatcher.load(handlers, {
    subscriptions: (handler) => handler.eventTypes,
    eventType: (notification: Notification) => notification.event_type,
    call: (handler, notification: Notification) => handler.process(notification),
    method: 'process',
  });
  return { handlers, notifications };
}
