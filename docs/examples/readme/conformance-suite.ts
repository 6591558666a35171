// A storage driver's conformance suite: every check of the kit becomes a test
// of the driver's own suite. Here the driver is the sample SQLite one; yours
// takes its place. Run it with `node --test`, or swap in vitest's describe/it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test'; // or: from 'vitest'
import { runStorageConformance } from '@plugin-patterns/meter-contracts';
import { SqliteStorage } from '@plugin-patterns/sample-plugins/storage/sqlite';

const dir = mkdtempSync(join(tmpdir(), 'my-storage-'));
let files = 0;
let latest = '';

// Each check calls the factory once and needs an empty store: give it a new file.
const openNew = () => {
  latest = `sqlite://${join(dir, `store-${++files}.db`)}`;
  return new SqliteStorage({ url: latest });
};

runStorageConformance(
  openNew,
  { describe, it },
  {
    // Optional: opens the latest store again, which adds the persistence check.
    reopen: () => new SqliteStorage({ url: latest }),
  },
);
