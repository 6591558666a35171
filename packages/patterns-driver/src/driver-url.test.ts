import { PluginError } from '@plugin-patterns/loader';
import { typeName } from '@plugin-patterns/loader/invocation';
import { describe, expect, it } from 'vitest';
import { InvalidDriverUrlError, parseDriverUrl, redactPassword } from './driver-url.ts';

const namespace = 'meter.storage';

describe('parseDriverUrl: the scheme names the driver', () => {
  it.each([
    ['sqlite:///var/lib/meter.db', 'sqlite', '///var/lib/meter.db'],
    ['sqlite::memory:', 'sqlite', ':memory:'],
    ['memory:', 'memory', ''],
    ['jsonl:///tmp/samples.jsonl', 'jsonl', '///tmp/samples.jsonl'],
    ['postgres://meter@db.example/meter', 'postgres', '//meter@db.example/meter'],
    ['postgresql://meter@db.example:5433/meter', 'postgresql', '//meter@db.example:5433/meter'],
    ['sqlite+node:///x.db', 'sqlite+node', '///x.db'],
  ])('%s -> driver %s', (url, scheme, rest) => {
    const parsed = parseDriverUrl(url, { namespace });
    expect(parsed).toEqual({ href: url, scheme, rest, redacted: url });
  });

  it('lower-cases the scheme, since schemes are case-insensitive, and keeps the rest as given', () => {
    const parsed = parseDriverUrl('SQLite:///Data/Meter.db', { namespace });
    expect(parsed.scheme).toBe('sqlite');
    expect(parsed.rest).toBe('///Data/Meter.db');
    expect(parsed.href).toBe('SQLite:///Data/Meter.db');
  });

  it('keeps the password in href (for the driver) and hides it in redacted (for messages)', () => {
    const parsed = parseDriverUrl('postgres://meter:s3cret@db/meter', { namespace });
    expect(parsed.href).toBe('postgres://meter:s3cret@db/meter');
    expect(parsed.redacted).toBe('postgres://meter:***@db/meter');
  });
});

describe('parseDriverUrl: a malformed URL is refused, saying what is wrong', () => {
  it.each([
    ['', /it is empty/],
    ['   ', /it is empty/],
    [' memory:', /white space/],
    ['var/lib/meter.db', /has no scheme/],
    [':memory:', /scheme before ":" is empty/],
    ['1sqlite:///x', /scheme "1sqlite" is not valid/],
    ['my_driver:x', /scheme "my_driver" is not valid/],
    ['postgres://db.example:99999/meter', /part after "postgres:" is not a valid URL/],
    ['postgres://[::1/meter', /part after "postgres:" is not a valid URL/],
  ])('%j', (url, problem) => {
    const error = catchError(() => parseDriverUrl(url, { namespace }));
    expect(error).toBeInstanceOf(InvalidDriverUrlError);
    expect(error).toBeInstanceOf(PluginError);
    expect(error.problem).toMatch(problem);
    expect(error.namespace).toBe(namespace);
    expect(error.stage).toBe('enabling');
    expect(error.code).toBe('DRIVER_URL_INVALID');
    expect(error.message).toContain(`[${namespace}] (enabling) invalid driver URL`);
  });

  it('refuses a value that is not a string', () => {
    const error = catchError(() => parseDriverUrl(42, { namespace }));
    expect(error.problem).toBe('a driver URL must be a string, not a number');
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [['memory:'], 'an array'],
    [{ url: 'memory:' }, 'object'],
  ])("names the type of %j in the words of the loader's typeName", (url, kind) => {
    expect(typeName(url)).toBe(kind);
    const error = catchError(() => parseDriverUrl(url, { namespace }));
    expect(error.problem).toBe(`a driver URL must be a string, not ${kind}`);
  });

  it('never shows the password of a refused URL', () => {
    const error = catchError(() =>
      parseDriverUrl('postgres://u:hunter2@db:99999/x', { namespace }),
    );
    expect(error.message).not.toContain('hunter2');
    expect(error.url).toBe('postgres://u:***@db:99999/x');
  });
});

describe('redactPassword', () => {
  it.each([
    ['postgres://u:p@h/db', 'postgres://u:***@h/db'],
    ['postgres://:p@h/db', 'postgres://:***@h/db'],
    ['postgres://u:p@w@rd@h/db', 'postgres://u:***@h/db'],
    ['postgres://u@h:5432/db', 'postgres://u@h:5432/db'],
    ['postgres://h:5432/db', 'postgres://h:5432/db'],
    ['sqlite::memory:', 'sqlite::memory:'],
  ])('%s -> %s', (url, redacted) => {
    expect(redactPassword(url)).toBe(redacted);
  });
});

function catchError(run: () => unknown): InvalidDriverUrlError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidDriverUrlError) return error;
    throw error;
  }
  throw new Error('expected an InvalidDriverUrlError, but nothing was thrown');
}
