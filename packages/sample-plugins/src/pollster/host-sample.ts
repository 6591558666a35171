/**
 * What every pollster's sample has in common: it is about this machine
 * (resource = the host name) and belongs to no project, and it is stamped
 * with the moment of the reading.
 */
import { hostname } from 'node:os';
import type { MeterType, Sample } from '@plugin-patterns/meter-contracts';

export interface Reading {
  readonly meter: string;
  readonly type: MeterType;
  readonly unit: string;
  readonly volume: number;
}

export function hostSample(reading: Reading, source: string): Sample {
  return {
    ...reading,
    resourceId: hostname(),
    projectId: null,
    timestamp: new Date().toISOString(),
    source,
  };
}
