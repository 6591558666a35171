import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_SOURCE } from '../testing/fakes.ts';
import { type Monitor, monitor } from './monitor.ts';
import { traced } from './trace-call.ts';

const cpu = { namespace: 'meter.pollster', name: 'cpu', source: FAKE_SOURCE };
let watching: Monitor | undefined;
afterEach(() => watching?.stop());

describe('monitor', () => {
  it('records each finished call with its timing and outcome', () => {
    watching = monitor();
    traced('iterator', cpu, () => 1)(undefined);
    expect(() =>
      traced('iterator', cpu, () => {
        throw new Error('boom');
      })(undefined),
    ).toThrow('boom');
    expect(watching.records.map((r) => [r.kind, r.plugin, r.ok])).toEqual([
      ['call', 'cpu', true],
      ['call', 'cpu', false],
    ]);
    expect(watching.records.every((r) => r.durationMs >= 0)).toBe(true);
  });

  it('keeps only the latest records past its limit', () => {
    watching = monitor({ limit: 2 });
    for (const n of [1, 2, 3]) traced('iterator', { ...cpu, name: `p${n}` }, () => n)(undefined);
    expect(watching.records.map((r) => r.plugin)).toEqual(['p2', 'p3']);
  });

  it('stops recording and keeps what it has', () => {
    watching = monitor();
    traced('iterator', cpu, () => 1)(undefined);
    watching.stop();
    traced('iterator', cpu, () => 1)(undefined);
    expect(watching.records).toHaveLength(1);
  });

  it('refuses a limit that keeps nothing', () => {
    expect(() => monitor({ limit: 0 })).toThrow(RangeError);
  });
});
