import { InvalidStorageUrlError } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { filePathOf } from './storage-url.ts';

const RULE = { driver: 'TestStorage', scheme: 'test', expected: 'test:///absolute/path' };

describe('filePathOf', () => {
  it('reads the absolute path after three slashes', () => {
    expect(filePathOf('test:///var/lib/meter/samples.db', RULE)).toBe('/var/lib/meter/samples.db');
  });

  it('decodes percent-escapes as a file URL does', () => {
    expect(filePathOf('test:///tmp/with%20space/x.db', RULE)).toBe('/tmp/with space/x.db');
  });

  it.each([
    [
      'test://relative.db',
      '"relative.db" reads as a host name; an absolute path needs three slashes',
    ],
    ['test:relative.db', 'the path must follow "//"'],
    ['other:///tmp/x.db', 'the scheme is not test:'],
    ['test:///tmp/', 'it names a folder, not a file'],
    ['test:///tmp/x.db?mode=ro', 'it has a query or a fragment'],
  ])('refuses %s (%s), naming the URL and what is expected', (url, why) => {
    let error: unknown;
    try {
      filePathOf(url, RULE);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidStorageUrlError);
    expect((error as Error).message).toBe(
      `TestStorage cannot use the URL "${url}" (${why}): expected test:///absolute/path`,
    );
    expect((error as InvalidStorageUrlError).url).toBe(url);
  });

  it('refuses a missing URL', () => {
    expect(() => filePathOf(undefined, RULE)).toThrow('(no URL was given)');
  });
});
