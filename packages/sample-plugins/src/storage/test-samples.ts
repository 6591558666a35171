/** Samples for the storage drivers' own tests (the conformance kit has its own). */
import type { Sample } from '@plugin-patterns/meter-contracts';

export function sample(at: number, fields: Partial<Sample> = {}): Sample {
  return {
    meter: 'cpu.util',
    type: 'gauge',
    unit: '%',
    volume: at,
    resourceId: 'host-a',
    projectId: null,
    timestamp: new Date(Date.UTC(2026, 10, 26, 10, 0, at)).toISOString(),
    source: 'test',
    ...fields,
  };
}
