// Type tests: each sample plugin class is what its namespace's host constructs.
// They fail at type-check time (tsc), the runtime assertions are trivially true.
import type {
  NotificationHandlerClass,
  PollsterClass,
  StorageDriverClass,
} from '@plugin-patterns/meter-contracts';
import { describe, expectTypeOf, it } from 'vitest';
import { BreaksContractPollster } from './faulty/breaks-contract.ts';
import { ComputeInstanceHandler } from './notification/compute.ts';
import { ImageHandler } from './notification/image.ts';
import { VolumeHandler } from './notification/volume.ts';
import { CpuPollster } from './pollster/cpu.ts';
import { DiskPollster } from './pollster/disk.ts';
import { HypervisorPollster } from './pollster/hypervisor.ts';
import { MemoryPollster } from './pollster/memory.ts';
import { NetworkPollster } from './pollster/network.ts';
import { JsonlStorage } from './storage/jsonl.ts';
import { MemoryStorage } from './storage/memory.ts';
import { SqliteStorage } from './storage/sqlite.ts';

describe('the plugin classes, as their hosts construct them', () => {
  it('storage drivers are constructed with { url }', () => {
    expectTypeOf(MemoryStorage).toExtend<StorageDriverClass>();
    expectTypeOf(SqliteStorage).toExtend<StorageDriverClass>();
    expectTypeOf(JsonlStorage).toExtend<StorageDriverClass>();
  });

  it('notification handlers and pollsters are constructed without arguments', () => {
    expectTypeOf(ComputeInstanceHandler).toExtend<NotificationHandlerClass>();
    expectTypeOf(VolumeHandler).toExtend<NotificationHandlerClass>();
    expectTypeOf(ImageHandler).toExtend<NotificationHandlerClass>();
    expectTypeOf(CpuPollster).toExtend<PollsterClass>();
    expectTypeOf(MemoryPollster).toExtend<PollsterClass>();
    expectTypeOf(DiskPollster).toExtend<PollsterClass>();
    expectTypeOf(NetworkPollster).toExtend<PollsterClass>();
    expectTypeOf(HypervisorPollster).toExtend<PollsterClass>();
  });

  it('the contract-breaking plugin is not a pollster, even to the type checker', () => {
    expectTypeOf(BreaksContractPollster).not.toExtend<PollsterClass>();
  });
});
