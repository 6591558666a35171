import {
  InvalidStorageUrlError,
  runStorageConformance,
  StorageClosedError,
} from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memory.ts';
import { sample } from './test-samples.ts';

// A store in memory cannot be reopened, so the persistence check is left out.
runStorageConformance(() => new MemoryStorage({ url: 'memory:' }), { describe, it });

describe('MemoryStorage URL', () => {
  it('accepts exactly "memory:"', () => {
    expect(new MemoryStorage({ url: 'memory:' }).url).toBe('memory:');
  });

  it.each(['memory://x', 'memory', 'sqlite::memory:'])(
    'refuses %s, naming it and "memory:"',
    (url) => {
      const make = () => new MemoryStorage({ url });
      expect(make).toThrow(InvalidStorageUrlError);
      expect(make).toThrow(`MemoryStorage cannot use the URL "${url}": expected "memory:"`);
    },
  );
});

describe('MemoryStorage keeps its own copies', () => {
  it('is not changed by mutating what was written or what a query returned', async () => {
    const store = new MemoryStorage({ url: 'memory:' });
    const written = { ...sample(1) };
    await store.write([written]);
    written.volume = 99;
    const [first] = await store.query();
    (first as { volume: number }).volume = 42;
    expect((await store.query())[0]?.volume).toBe(1);
  });

  it('drops properties that are not Sample fields', async () => {
    const store = new MemoryStorage({ url: 'memory:' });
    await store.write([{ ...sample(1), secret: 'x' } as ReturnType<typeof sample>]);
    expect(Object.keys((await store.query())[0] ?? {})).not.toContain('secret');
  });
});

describe('MemoryStorage after close', () => {
  it('refuses queries too, with StorageClosedError', async () => {
    const store = new MemoryStorage({ url: 'memory:' });
    await store.close();
    await expect(store.query()).rejects.toThrow(StorageClosedError);
    await expect(store.write([])).rejects.toThrow(
      'MemoryStorage (memory:): cannot write after close()',
    );
  });
});
