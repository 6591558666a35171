import { describe, expect, it } from 'vitest';
import { isSample } from './sample.ts';
import { sampleFromRow } from './sample-row.ts';

describe('sampleFromRow', () => {
  it('maps the column names back to a valid sample, and keeps a null project', () => {
    const sample = sampleFromRow({
      meter: 'cpu.util',
      type: 'gauge',
      unit: '%',
      volume: 12.5,
      resource_id: 'host-1',
      project_id: null,
      timestamp: '2026-11-26T10:00:00.000Z',
      source: 'pollster:cpu',
    });
    expect(sample).toEqual({
      meter: 'cpu.util',
      type: 'gauge',
      unit: '%',
      volume: 12.5,
      resourceId: 'host-1',
      projectId: null,
      timestamp: '2026-11-26T10:00:00.000Z',
      source: 'pollster:cpu',
    });
    expect(isSample(sample)).toBe(true);
  });
});
