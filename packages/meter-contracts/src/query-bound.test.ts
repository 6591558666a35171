import { describe, expect, it } from 'vitest';
import { parseQueryBound } from './query-bound.ts';

describe('parseQueryBound', () => {
  it('reads a date-time as epoch milliseconds', () => {
    expect(parseQueryBound('from', '2026-11-26T10:00:00Z')).toBe(Date.UTC(2026, 10, 26, 10));
    expect(parseQueryBound('to', '2026-11-26T10:00:00.500+01:00')).toBe(
      Date.UTC(2026, 10, 26, 9, 0, 0, 500),
    );
  });

  it.each([
    ['from', 'last tuesday', 'query.from must be an ISO 8601 date-time, got "last tuesday"'],
    ['to', '', 'query.to must be an ISO 8601 date-time, got ""'],
    ['to', 1_700_000_000_000, 'query.to must be an ISO 8601 date-time, got number'],
    ['from', null, 'query.from must be an ISO 8601 date-time, got null'],
    // Date.parse reads these as 2 March and 1 May: a bound must be a day the calendar has.
    [
      'from',
      '2026-02-30T00:00:00Z',
      'query.from must be an ISO 8601 date-time, got "2026-02-30T00:00:00Z"',
    ],
    ['to', '2026-04-31', 'query.to must be an ISO 8601 date-time, got "2026-04-31"'],
  ] as const)('refuses %s %j with a RangeError naming the field', (field, value, message) => {
    expect(() => parseQueryBound(field, value)).toThrow(RangeError);
    expect(() => parseQueryBound(field, value)).toThrow(message);
  });
});
