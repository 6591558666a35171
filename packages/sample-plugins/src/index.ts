// The good plugins, for hosts and tests that import them directly. The faulty
// ones are left out on purpose: each is reachable only through its own
// subpath, so importing this package never evaluates a broken module.
export { collectorsDirectory } from './collectors-directory.ts';
export { ComputeInstanceHandler } from './notification/compute.ts';
export { ImageHandler } from './notification/image.ts';
export { VolumeHandler } from './notification/volume.ts';
export {
  type DefectKind,
  type FixtureDefect,
  loadNotificationFixture,
  type NotificationFixture,
  notificationFixturePath,
  wellFormedNotifications,
} from './notification-fixture.ts';
export { CpuPollster, type CpuSource, type CpuTimes } from './pollster/cpu.ts';
export { DiskPollster } from './pollster/disk.ts';
export {
  HYPERVISOR_PROBES,
  type HypervisorOptions,
  HypervisorPollster,
} from './pollster/hypervisor.ts';
export { MemoryPollster } from './pollster/memory.ts';
export { type InterfaceCounters, NetworkPollster, parseNetDev } from './pollster/network.ts';
export { JsonlStorage, type JsonlStorageOptions, type SkippedLine } from './storage/jsonl.ts';
export { MemoryStorage } from './storage/memory.ts';
export { SqliteStorage } from './storage/sqlite.ts';
export { FixtureTransport } from './transport/fixture.ts';
export { MemoryTransport } from './transport/memory.ts';
