/**
 * The check both iterator fault suites end on: after `times` runs, storage
 * holds exactly the lab's good pollsters' samples, each pollster's full
 * count per run, and nothing from any faulty plugin.
 */
import type { StorageDriver } from '@plugin-patterns/meter-contracts';
import { expect } from 'vitest';
import { LAB_GOOD, LAB_METER } from '../../../loader/test/support/fault-lab.ts';

/** How many samples one run of every good pollster writes. */
export const GOOD_PER_RUN: number = Object.values(LAB_GOOD).reduce((a, b) => a + b, 0);

/** Storage holds every good pollster's samples of `times` runs, counted by source. */
export async function expectGoodSamplesStored(
  storage: StorageDriver,
  times: number,
): Promise<void> {
  const stored = await storage.query({ meter: LAB_METER });
  expect(stored).toHaveLength(GOOD_PER_RUN * times);
  const bySource: Record<string, number> = {};
  for (const s of stored) bySource[s.source] = (bySource[s.source] ?? 0) + 1;
  expect(bySource).toEqual(
    Object.fromEntries(
      Object.entries(LAB_GOOD).map(([name, n]) => [`fault-lab:${name}`, n * times]),
    ),
  );
}
