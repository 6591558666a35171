import { hostname } from 'node:os';
import { isSample } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { MemoryPollster } from './memory.ts';

describe('MemoryPollster', () => {
  it('polls synchronously: usage and total in bytes, usage within total', () => {
    const samples = new MemoryPollster().poll();
    expect(samples.map((s) => [s.meter, s.unit])).toEqual([
      ['memory.usage', 'B'],
      ['memory.total', 'B'],
    ]);
    expect(samples.every(isSample)).toBe(true);
    const [usage, total] = samples.map((s) => s.volume) as [number, number];
    expect(usage).toBeGreaterThan(0);
    expect(usage).toBeLessThanOrEqual(total);
    expect(samples[0]?.resourceId).toBe(hostname());
  });
});
