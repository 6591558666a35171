import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSample, type Pollster } from '@plugin-patterns/meter-contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { collectorsDirectory } from './collectors-directory.ts';

const files = readdirSync(collectorsDirectory)
  .filter((f) => f.endsWith('.js'))
  .sort();

describe('collectorsDirectory', () => {
  it('is the absolute path of the package’s collectors folder', () => {
    expect(isAbsolute(collectorsDirectory)).toBe(true);
    expect(collectorsDirectory.endsWith(join('sample-plugins', 'collectors'))).toBe(true);
    expect(files).toEqual(['cpu-count.js', 'load-average.js', 'process-memory.js']);
  });

  it.each(files)('%s default-exports a pollster class that polls valid samples', async (file) => {
    const module = (await import(pathToFileURL(join(collectorsDirectory, file)).href)) as {
      default: new () => Pollster;
    };
    expect(typeof module.default).toBe('function');
    const collector = new module.default();
    const samples = await collector.poll();
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(isSample(sample)).toBe(true);
      expect(collector.meters).toContain(sample.meter);
    }
  });
});

describe('the collectors under node_modules', () => {
  const root = mkdtempSync(join(tmpdir(), 'meter-collectors-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('load in plain Node, where types are not stripped', () => {
    // Node refuses to strip types under node_modules: only plain JavaScript loads there.
    const pkg = join(root, 'node_modules', 'some-package');
    const installed = join(pkg, 'collectors');
    cpSync(collectorsDirectory, installed, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{ "name": "some-package", "type": "module" }');
    const urls = files.map((f) => pathToFileURL(join(installed, f)).href);
    const script = `for (const url of ${JSON.stringify(urls)}) {
      const { default: Collector } = await import(url);
      console.log(new Collector().poll()[0].meter);
    }`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim().split('\n')).toEqual(['cpu.count', 'load.1m', 'process.memory.rss']);
  });
});
