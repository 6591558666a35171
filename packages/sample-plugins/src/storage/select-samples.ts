/**
 * Querying samples held in write order, shared by the drivers that keep
 * samples in a plain list (memory) or read them back as one (jsonl); the
 * sqlite driver says the same thing in SQL.
 *
 * Timestamps are compared as instants, not as text: `…:00Z` and `…:00.500Z`
 * sort wrongly as strings. Ties keep write order because Array#sort is stable.
 */
import { parseQueryBound, type Sample, type SampleQuery } from '@plugin-patterns/meter-contracts';

export interface TimeBounds {
  /** Inclusive, epoch milliseconds; -Infinity when not given. */
  readonly from: number;
  /** Exclusive, epoch milliseconds; Infinity when not given. */
  readonly to: number;
}

/** The query's time range as epoch milliseconds; a bound that is not a date is refused. */
export function timeBounds(query: SampleQuery): TimeBounds {
  return {
    from: query.from === undefined ? -Infinity : parseQueryBound('from', query.from),
    to: query.to === undefined ? Infinity : parseQueryBound('to', query.to),
  };
}

/** The samples matching every given field, oldest first, ties in write order, as copies. */
export function selectSamples(inWriteOrder: readonly Sample[], query: SampleQuery = {}): Sample[] {
  const { from, to } = timeBounds(query);
  return inWriteOrder
    .map((sample) => ({ sample, at: Date.parse(sample.timestamp) }))
    .filter(
      ({ sample, at }) =>
        (query.meter === undefined || sample.meter === query.meter) &&
        (query.resourceId === undefined || sample.resourceId === query.resourceId) &&
        at >= from &&
        at < to,
    )
    .sort((a, b) => a.at - b.at)
    .map(({ sample }) => copySample(sample));
}

/**
 * A fresh object with exactly the Sample fields: the store keeps nothing a
 * caller can later mutate, and no stray properties a plugin attached.
 */
export function copySample(sample: Sample): Sample {
  return {
    meter: sample.meter,
    type: sample.type,
    unit: sample.unit,
    volume: sample.volume,
    resourceId: sample.resourceId,
    projectId: sample.projectId,
    timestamp: sample.timestamp,
    source: sample.source,
  };
}
