/**
 * `disk.usage`: bytes used on the file system that holds `/` (or the path
 * given), from `fs.statfsSync`. One system call with the answer at hand, so
 * polling is sync. Where statfs is not supported the pollster says so once,
 * through its availability check, instead of failing every poll.
 */
import { statfsSync } from 'node:fs';
import { type Availability, PollsterBase, type Sample } from '@plugin-patterns/meter-contracts';
import { hostSample } from './host-sample.ts';

export class DiskPollster extends PollsterBase {
  readonly meters: readonly string[] = ['disk.usage'];
  readonly path: string;

  constructor(options: { readonly path?: string } = {}) {
    super();
    this.path = options.path ?? '/';
  }

  override checkAvailability(): Availability {
    try {
      statfsSync(this.path);
      return { available: true };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { available: false, reason: `cannot read the file system of ${this.path}: ${why}` };
    }
  }

  poll(): Sample[] {
    const fs = statfsSync(this.path);
    const used = (fs.blocks - fs.bfree) * fs.bsize;
    const reading = { meter: 'disk.usage', type: 'gauge', unit: 'B', volume: used } as const;
    return [hostSample(reading, 'pollster:disk')];
  }
}
