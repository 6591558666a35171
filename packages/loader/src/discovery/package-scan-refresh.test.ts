/**
 * `refresh()` forgets the scan held in memory: a plugin installed after the
 * first scan is found by the next `discover()`, with the discovery cache on
 * (the host's package.json changed, so the cache is stale) and with it off.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../../test-fixtures/temp-tree.ts';
import { packageScan } from './package-scan.ts';

function host(): { dir: string; install: (name: string, plugin: string) => void } {
  const dir = tempTree({});
  const write = (path: string, content: object) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(content));
  };
  const dependencies: Record<string, string> = {};
  const install = (name: string, plugin: string) => {
    dependencies[name] = '1.0.0';
    write(`node_modules/${name}/package.json`, {
      name,
      version: '1.0.0',
      entryPoints: { 'meter.pollster': { [plugin]: './index:Plugin' } },
    });
    write('package.json', { name: 'host', dependencies });
  };
  install('meter-first', 'cpu');
  return { dir, install };
}

describe.each([
  ['on', undefined],
  ['off', false as const],
])('refresh() with the cache %s', (_, cache) => {
  it('finds a plugin installed after the first scan', () => {
    const { dir, install } = host();
    const scan = packageScan({ cwd: dir, ...(cache === undefined ? {} : { cache }) });
    expect(scan.discover('meter.pollster').entryPoints.map((e) => e.name)).toEqual(['cpu']);
    install('meter-second', 'disk');
    // Without refresh, the scan held in memory answers.
    expect(scan.discover('meter.pollster').entryPoints.map((e) => e.name)).toEqual(['cpu']);
    scan.refresh();
    expect(
      scan
        .discover('meter.pollster')
        .entryPoints.map((e) => e.name)
        .sort(),
    ).toEqual(['cpu', 'disk']);
    expect(scan.lastScan?.fromCache).toBe(false);
  });
});
