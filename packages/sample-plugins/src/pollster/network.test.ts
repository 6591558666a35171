import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NetworkPollster, parseNetDev } from './network.ts';

const fixture = fileURLToPath(new URL('../../test-fixtures/proc-net-dev.txt', import.meta.url));

describe('parseNetDev', () => {
  it('reads received and sent bytes per interface', () => {
    expect(parseNetDev(readFileSync(fixture, 'utf8'))).toEqual([
      { name: 'lo', receivedBytes: 3193, sentBytes: 3193 },
      { name: 'eth0', receivedBytes: 1_000_000, sentBytes: 250_000 },
      { name: 'wlan0', receivedBytes: 5000, sentBytes: 7000 },
    ]);
  });
});

describe('NetworkPollster', () => {
  it('sums every interface but loopback, as cumulative byte counters', () => {
    const samples = new NetworkPollster({ path: fixture }).poll();
    expect(samples.map((s) => [s.meter, s.type, s.unit, s.volume])).toEqual([
      ['network.incoming.bytes', 'cumulative', 'B', 1_005_000],
      ['network.outgoing.bytes', 'cumulative', 'B', 257_000],
    ]);
  });

  it('disables itself where the counters file is absent, saying which file', () => {
    expect(new NetworkPollster({ path: '/no/proc/net/dev' }).checkAvailability()).toEqual({
      available: false,
      reason: "/no/proc/net/dev is absent: interface counters are read from Linux's procfs",
    });
  });

  it('on this machine, is available exactly when /proc/net/dev exists', () => {
    const availability = new NetworkPollster().checkAvailability();
    expect(availability.available).toBe(existsSync('/proc/net/dev'));
  });
});
