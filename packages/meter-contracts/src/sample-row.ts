/**
 * A sample as a SQL table row: the same fields, with the column names a
 * database uses (`resource_id`, `project_id`). Every SQL storage driver reads
 * rows back in this shape, so the mapping to a Sample is written once, here.
 */
import type { MeterType, Sample } from './sample.ts';

export interface SampleRow {
  readonly meter: string;
  readonly type: MeterType;
  readonly unit: string;
  readonly volume: number;
  readonly resource_id: string;
  readonly project_id: string | null;
  readonly timestamp: string;
  readonly source: string;
}

export function sampleFromRow(row: SampleRow): Sample {
  return {
    meter: row.meter,
    type: row.type,
    unit: row.unit,
    volume: row.volume,
    resourceId: row.resource_id,
    projectId: row.project_id,
    timestamp: row.timestamp,
    source: row.source,
  };
}
