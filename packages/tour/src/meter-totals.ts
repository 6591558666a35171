/**
 * Per-meter totals (count and sum), and "what did this run add": the tour
 * reads the storage before and after writing, and totals only the samples
 * that were not there before. That works on any driver the user points the
 * tour at, including a database that already holds samples, without deleting
 * anything and without relying on timestamps (notification samples carry the
 * fixture's fixed times, so a second run writes the very same samples again).
 */
import type { Sample } from '@plugin-patterns/meter-contracts';
import type { MeterTotal } from './tour-result.ts';

/** Totals per meter, sorted by meter. Notification meters come from the fixture; the rest from this machine. */
export function totalsOf(samples: readonly Sample[]): MeterTotal[] {
  const byMeter = new Map<
    string,
    { origin: MeterTotal['origin']; units: Set<string>; volumes: number[] }
  >();
  for (const sample of samples) {
    let entry = byMeter.get(sample.meter);
    if (entry === undefined) {
      const origin = sample.source.startsWith('notification:') ? 'notification' : 'pollster';
      entry = { origin, units: new Set(), volumes: [] };
      byMeter.set(sample.meter, entry);
    }
    entry.units.add(sample.unit);
    entry.volumes.push(sample.volume);
  }
  return [...byMeter.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([meter, { origin, units, volumes }]) => ({
      meter,
      origin,
      // A sum only means something in one unit; mixed units are all named.
      unit: [...units].sort().join(' + '),
      count: volumes.length,
      sum: exactSum(volumes),
    }));
}

/**
 * The samples in `after` that are not in `before`, counting duplicates: a
 * multiset difference on the samples' full content.
 */
export function samplesAdded(before: readonly Sample[], after: readonly Sample[]): Sample[] {
  const seen = new Map<string, number>();
  for (const sample of before) {
    const key = keyOf(sample);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const added: Sample[] = [];
  for (const sample of after) {
    const key = keyOf(sample);
    const left = seen.get(key) ?? 0;
    if (left > 0) seen.set(key, left - 1);
    else added.push(sample);
  }
  return added;
}

/**
 * Floating-point addition depends on order, and a storage may return samples
 * in another order than they were written: summing in sorted order makes the
 * same samples always give the same sum, so "written" and "read back" compare
 * exactly.
 */
function exactSum(volumes: readonly number[]): number {
  return [...volumes].sort((a, b) => a - b).reduce((sum, v) => sum + v, 0);
}

function keyOf(s: Sample): string {
  return JSON.stringify([
    s.meter,
    s.type,
    s.unit,
    s.volume,
    s.resourceId,
    s.projectId,
    s.timestamp,
    s.source,
  ]);
}
