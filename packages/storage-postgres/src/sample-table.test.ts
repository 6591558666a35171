import { describe, expect, it } from 'vitest';
import { selectSamples } from './sample-table.ts';

describe('selectSamples: the time bounds', () => {
  it('passes the bounds on as given, for the server to read', () => {
    const statement = selectSamples('samples', {
      from: '2026-11-26T10:00:00.000250Z',
      to: '2026-11-27T00:00:00Z',
    });
    expect(statement.values).toEqual(['2026-11-26T10:00:00.000250Z', '2026-11-27T00:00:00Z']);
    expect(statement.text).toContain('taken_at >= $1::timestamptz AND taken_at < $2::timestamptz');
  });

  it("refuses a bound that is not a date-time by the contracts' rule, naming the field", () => {
    expect(() => selectSamples('samples', { to: 'tomorrow' })).toThrow(RangeError);
    expect(() => selectSamples('samples', { to: 'tomorrow' })).toThrow(
      'query.to must be an ISO 8601 date-time, got "tomorrow"',
    );
    // Not a string at all, from a caller in plain JavaScript: the same rule, the same message.
    expect(() => selectSamples('samples', { from: 42 as unknown as string })).toThrow(
      'query.from must be an ISO 8601 date-time, got number',
    );
  });
});
