import { describe, expect, it } from 'vitest';
import { echoFloors } from '../fixtures/isolated-plugins.ts';
import { lastCpu } from './isolation-call.ts';

describe('lastCpu', () => {
  it("reads field 39, counting fields from after the name's last parenthesis", () => {
    // Field 3 is the state; every later field k holds k here, so field 39 reads "39".
    const fields = ['S', ...Array.from({ length: 49 }, (_, i) => String(i + 4))];
    expect(lastCpu(`4711 (node (x) y) ${fields.join(' ')}\n`)).toBe('39');
  });

  it('refuses a line that has no CPU field', () => {
    expect(() => lastCpu('4711 (node) S 1 2')).toThrow('no CPU in "4711 (node) S 1 2"');
  });
});

describe('the floors of one isolated call', () => {
  it('answer every message, in a worker and in a child, with one item each', async () => {
    const floors = echoFloors();
    try {
      expect(await floors.worker(5)).toBe(5);
      expect(await floors.child(5)).toBe(5);
    } finally {
      await floors.close();
    }
  });
});
