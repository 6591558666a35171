import { describe, expect, it } from 'vitest';
import * as samplePlugins from './index.ts';

describe('the package index', () => {
  it('re-exports the good plugins and helpers', () => {
    for (const name of [
      'MemoryStorage',
      'SqliteStorage',
      'JsonlStorage',
      'ComputeInstanceHandler',
      'VolumeHandler',
      'ImageHandler',
      'CpuPollster',
      'MemoryPollster',
      'DiskPollster',
      'NetworkPollster',
      'HypervisorPollster',
      'loadNotificationFixture',
    ]) {
      expect(typeof (samplePlugins as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(typeof samplePlugins.collectorsDirectory).toBe('string');
  });

  it('leaves the faulty plugins out, so importing it evaluates no broken module', () => {
    const names = Object.keys(samplePlugins);
    expect(
      names.some((name) => /Throws|NeverSettles|WrongShape|BreaksContract|ImportFails/.test(name)),
    ).toBe(false);
  });
});
