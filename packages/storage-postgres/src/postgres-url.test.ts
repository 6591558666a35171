import { InvalidStorageUrlError } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TABLE, parsePostgresUrl } from './postgres-url.ts';

describe('parsePostgresUrl: a configured server', () => {
  it('reads the table parameter and leaves the rest to the client library', () => {
    const parsed = parsePostgresUrl(
      'postgres://meter@db.example:5433/meter?table=samples_2026&sslmode=disable',
    );
    expect(parsed).toEqual({
      connectionString: 'postgres://meter@db.example:5433/meter?sslmode=disable',
      table: 'samples_2026',
      redacted: 'postgres://meter@db.example:5433/meter?table=samples_2026&sslmode=disable',
      notConfigured: undefined,
    });
  });

  it('defaults the table to meter_samples and accepts the postgresql: alias', () => {
    const parsed = parsePostgresUrl('postgresql://meter@db/meter');
    expect(parsed.table).toBe(DEFAULT_TABLE);
    expect(parsed.connectionString).toBe('postgresql://meter@db/meter');
  });

  it('hides the password in the redacted form only', () => {
    const parsed = parsePostgresUrl('postgres://meter:s3cret@db/meter');
    expect(parsed.connectionString).toContain('s3cret');
    expect(parsed.redacted).toBe('postgres://meter:***@db/meter');
  });
});

describe('parsePostgresUrl: no server configured is not an error', () => {
  it.each(['postgres:', 'postgresql:', 'postgres:///meter'])('%s names no host', (url) => {
    const parsed = parsePostgresUrl(url);
    expect(parsed.notConfigured).toMatch(
      /^no PostgreSQL server is configured: the URL ".*" names no host/,
    );
  });
});

describe('parsePostgresUrl: a wrong URL throws InvalidStorageUrlError', () => {
  it.each([
    ['sqlite:///meter.db', /the scheme is "sqlite:", not postgres: or postgresql:/],
    ['not a url', /it is not a valid URL/],
    ['postgres://db/meter?table=Samples', /the table "Samples" is not a lower-case SQL identifier/],
    ['postgres://db/meter?table=x;drop', /the table "x;drop"/],
    [`postgres://db/meter?table=${'a'.repeat(64)}`, /at most 63 characters/],
  ])('%s', (url, why) => {
    const make = () => parsePostgresUrl(url);
    expect(make).toThrow(InvalidStorageUrlError);
    expect(make).toThrow(why);
  });

  it('never puts the password in the message', () => {
    expect(() => parsePostgresUrl('mysql://u:s3cret@db/x')).toThrow(/mysql:\/\/u:\*\*\*@db\/x/);
  });
});
