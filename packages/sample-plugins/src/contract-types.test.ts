// Type tests: each sample plugin class is what its namespace's host constructs.
// They fail at type-check time (tsc), the runtime assertions are trivially true.
// The pollsters' base class is checked at run time too: `instanceof` is what a
// host that enforces the API by class relies on, and types cannot show it.
import {
  type NotificationHandlerClass,
  PollsterBase,
  type PollsterClass,
  type StorageDriverClass,
} from '@plugin-patterns/meter-contracts';
import { describe, expect, expectTypeOf, it } from 'vitest';
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

describe("the first-party pollsters extend the host's PollsterBase", () => {
  it('are instances of it, so a check by class accepts them', () => {
    for (const Pollster of [
      CpuPollster,
      MemoryPollster,
      DiskPollster,
      NetworkPollster,
      HypervisorPollster,
    ]) {
      expect(new Pollster(), Pollster.name).toBeInstanceOf(PollsterBase);
    }
  });

  it('the contract-breaking plugin extends it too, and still has no poll', () => {
    const plugin = new BreaksContractPollster();
    expect(plugin).toBeInstanceOf(PollsterBase);
    expect('poll' in plugin).toBe(false);
  });
});
