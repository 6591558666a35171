// The discovery cache: a package scan keeps what it read in a JSON file and
// reuses it while the installed set is unchanged. It is a speed-up, never a
// source of truth: a cache file that cannot be trusted is rebuilt.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageScan } from '@plugin-patterns/loader';

const host = join(import.meta.dirname, '../..');
// A fresh cache folder for this run (a host would keep the default, in node_modules/.cache).
const dir = mkdtempSync(join(tmpdir(), 'discovery-cache-'));

function scanOnce(label: string): void {
  // A new source each time, as a new process would have: nothing held in memory.
  const scan = packageScan({ cwd: host, cache: { dir } });
  const found = scan.discover('meter.pollster').entryPoints.map((e) => e.name);
  const stats = scan.lastScan;
  const how = stats?.fromCache ? 'answered from the cache' : 'scanned the packages';
  console.log(
    `${label.padEnd(13)} cache ${stats?.cache.padEnd(8)} ${how.padEnd(24)} ${found.join(', ')}`,
  );
}

try {
  scanOnce('first start');
  scanOnce('second start');

  // Someone (or something) damages the cache file: it is rebuilt, not believed.
  for (const file of readdirSync(dir)) writeFileSync(join(dir, file), '{ "not": "a scan" }');
  scanOnce('after damage');
  scanOnce('next start');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
