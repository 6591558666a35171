import { describe, expect, it } from 'vitest';
import { InvalidStorageUrlError, StorageClosedError } from './storage.ts';

describe('InvalidStorageUrlError', () => {
  it('names the driver, the URL, why, and what is expected', () => {
    const error = new InvalidStorageUrlError(
      'SqliteStorage',
      'sqlite://x.db',
      'sqlite:///path',
      'no path',
    );
    expect(error.message).toBe(
      'SqliteStorage cannot use the URL "sqlite://x.db" (no path): expected sqlite:///path',
    );
    expect(error).toMatchObject({
      name: 'InvalidStorageUrlError',
      url: 'sqlite://x.db',
      expected: 'sqlite:///path',
    });
  });
});

describe('StorageClosedError', () => {
  it('names the driver, its URL and the refused operation', () => {
    const error = new StorageClosedError('MemoryStorage', 'memory:', 'write');
    expect(error.message).toBe('MemoryStorage (memory:): cannot write after close()');
    expect(error.name).toBe('StorageClosedError');
  });
});
