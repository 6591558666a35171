/**
 * The tour host's contracts: what it requires of each namespace's plugins,
 * written as conventions (duck typing with a member check). The host accepts
 * any object of the right shape, so the third party's uptime pollster, which
 * implements the interface without extending PollsterBase, runs beside the
 * first-party pollsters that do. The other two ways of enforcing an API are
 * compared side by side in `enforcement-table.ts`.
 */
import { type Contract, convention } from '@plugin-patterns/loader';
import type {
  NotificationHandler,
  Pollster,
  StorageDriver,
} from '@plugin-patterns/meter-contracts';

export const storageContract: Contract<StorageDriver> = convention<StorageDriver>({
  name: 'StorageDriver',
  members: { write: 'function', query: 'function', close: 'function' },
});

export const handlerContract: Contract<NotificationHandler> = convention<NotificationHandler>({
  name: 'NotificationHandler',
  members: { eventTypes: 'array', process: 'function' },
});

export const pollsterContract: Contract<Pollster> = convention<Pollster>({
  name: 'Pollster',
  members: { meters: 'array', poll: 'function', checkAvailability: 'function?' },
});
