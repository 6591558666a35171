import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { isSample } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import * as acme from './index.ts';
import { UptimePollster } from './uptime-pollster.ts';

describe('UptimePollster', () => {
  it('polls synchronously: one uptime gauge in seconds about this host', () => {
    const samples = new UptimePollster().poll();
    expect(Array.isArray(samples)).toBe(true);
    expect(samples).toHaveLength(1);
    expect(isSample(samples[0])).toBe(true);
    expect(samples[0]).toMatchObject({
      meter: 'uptime',
      unit: 's',
      resourceId: hostname(),
      projectId: null,
      source: 'acme:uptime',
    });
    expect(samples[0]?.volume).toBeGreaterThan(0);
  });
});

describe('the package manifest', () => {
  it('declares the pollster through entryPoints, at an export of the package root', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.entryPoints).toEqual({ 'meter.pollster': { uptime: '.:UptimePollster' } });
    expect(manifest.exports['.']['@plugin-patterns/source']).toBe('./src/index.ts');
    expect(acme.UptimePollster).toBe(UptimePollster);
  });
});
