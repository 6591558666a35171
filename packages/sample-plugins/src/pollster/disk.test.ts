import { isSample } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { DiskPollster } from './disk.ts';

describe('DiskPollster', () => {
  it('reads the root file system, synchronously', () => {
    const pollster = new DiskPollster();
    expect(pollster.checkAvailability()).toEqual({ available: true });
    const [usage] = pollster.poll();
    expect(isSample(usage)).toBe(true);
    expect(usage).toMatchObject({ meter: 'disk.usage', unit: 'B', source: 'pollster:disk' });
    expect(usage?.volume).toBeGreaterThan(0);
  });

  it('says it cannot run when the path cannot be read, naming the path', () => {
    const availability = new DiskPollster({ path: '/no/such/mount' }).checkAvailability();
    expect(availability.available).toBe(false);
    expect(availability.available === false && availability.reason).toMatch(
      /^cannot read the file system of \/no\/such\/mount: /,
    );
  });
});
