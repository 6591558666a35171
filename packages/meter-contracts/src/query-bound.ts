/**
 * The time bounds of a `SampleQuery` (`from`, `to`), held to one rule by
 * every storage driver: a bound is a date-time that `Date.parse` can read,
 * or the query is refused before it reaches the store. Checked here, in the
 * contracts, so that a driver over a list, over SQLite or over PostgreSQL
 * refuses the same bounds with the same message, which names the field
 * rather than whatever the store would have said about it.
 */

/**
 * The bound as epoch milliseconds. Throws a RangeError naming `query.from`
 * or `query.to` when the value is not a date-time (callers in plain
 * JavaScript can pass anything, so the value is `unknown`).
 */
export function parseQueryBound(field: 'from' | 'to', value: unknown): number {
  const at = typeof value === 'string' && hasRealDay(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) {
    throw new RangeError(`query.${field} must be an ISO 8601 date-time, got ${shown(value)}`);
  }
  return at;
}

const DATE_PART = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * `Date.parse` rolls an impossible day over (`2026-02-30` becomes the 2nd of
 * March), so the date part of an ISO string is checked against the calendar.
 */
function hasRealDay(text: string): boolean {
  const parts = DATE_PART.exec(text);
  if (parts === null) return true; // not ISO-shaped: Date.parse decides
  const [year, month, day] = parts.slice(1, 4).map(Number) as [number, number, number];
  const at = new Date(Date.UTC(2000, month - 1, day));
  at.setUTCFullYear(year);
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

/** A string quoted (an empty one stays visible), anything else by its kind. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return value === null ? 'null' : typeof value;
}
