/**
 * The tour's normaliser: what has to be masked for two runs on the same
 * machine to compare equal. Exactly two things vary, and nothing else may:
 *
 * 1. timings — every `ms` field (how long a discovery approach took) becomes 0;
 * 2. the machine's own readings — the `sum` of every meter whose origin is
 *    `pollster` (cpu.util, memory, disk, network… read from this machine at
 *    that moment) becomes 0. Their `count` stays: how many samples a poll
 *    cycle yields does not change between runs.
 *
 * Notification totals come from the fixture and are never masked. The tests
 * run the tour twice and compare the normalised results, so anything new that
 * varies between runs fails them until it is either made stable or added here
 * (and to this comment).
 */
import type { TourResult } from './tour-result.ts';

export function normaliseTour(result: TourResult): TourResult {
  return mask(result) as TourResult;
}

function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(record)) {
    if (key === 'ms' && typeof field === 'number') out[key] = 0;
    else if (key === 'sum' && record.origin === 'pollster') out[key] = 0;
    else out[key] = mask(field);
  }
  return out;
}
