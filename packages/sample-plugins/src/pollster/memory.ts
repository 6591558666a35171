/**
 * `memory.usage` and `memory.total`, in bytes, from Node's own view of the
 * machine (`os.totalmem`, `os.freemem`). Available everywhere Node runs, so
 * it keeps the base class's availability answer (available); polling is sync.
 */
import { freemem, totalmem } from 'node:os';
import { PollsterBase, type Sample } from '@plugin-patterns/meter-contracts';
import { hostSample } from './host-sample.ts';

const SOURCE = 'pollster:memory';

export class MemoryPollster extends PollsterBase {
  readonly meters: readonly string[] = ['memory.usage', 'memory.total'];

  poll(): Sample[] {
    const total = totalmem();
    // On Linux, freemem is MemAvailable: page cache the kernel would give back is not "used".
    const used = total - freemem();
    return [
      hostSample({ meter: 'memory.usage', type: 'gauge', unit: 'B', volume: used }, SOURCE),
      hostSample({ meter: 'memory.total', type: 'gauge', unit: 'B', volume: total }, SOURCE),
    ];
  }
}
