/**
 * The storage and transport lines print URLs, file paths and driver names the
 * tour did not write (a URL is the user's, a driver name a plugin's), and the
 * totals table meters and units that plugins wrote: escaped, so a control
 * character shows as `\uXXXX` instead of acting on the terminal.
 */
import { createPalette } from '@plugin-patterns/cli';
import { expect, it } from 'vitest';
import { renderEndToEnd } from './render-end-to-end.ts';
import type { EndToEnd } from './tour-result.ts';

const run: EndToEnd = {
  notifications: {
    events: 0,
    routed: 0,
    unrouted: 0,
    malformed: 0,
    deliveries: 0,
    failed: 0,
    samples: 0,
    problems: [],
  } as unknown as EndToEnd['notifications'],
  polling: { cycles: 0, intervalMs: 20, pollsters: [], samples: 0, failures: [] },
  written: { samples: 0, batches: 0 },
  readBack: [],
  writtenTotals: [],
};

it('escapes the storage and transport URLs and driver names', () => {
  const text = renderEndToEnd(
    run,
    { url: 'memory:\u001b[2J', driver: 'mem\nory', file: undefined },
    {
      palette: createPalette(false),
      bus: {
        url: 'fixture:\u202e',
        driver: 'fix\u001bture',
        published: 0,
        acknowledged: 0,
        deadLettered: 0,
        redelivered: 0,
      },
    },
  );
  const lines = text.split('\n');
  expect(lines[0]).toBe('Storage: driver mem\\u000aory, URL memory:\\u001b[2J');
  expect(lines[1]).toBe(
    'Transport: driver fix\\u001bture, URL fixture:\\u202e (a notification agent consumed it)',
  );
  expect(text.includes('\u001b') || text.includes('\u202e')).toBe(false);
});

it('escapes the storage file and the meters and units read back', () => {
  const total = { meter: 'cpu\u009b2J', origin: 'pollster', count: 1, sum: 1, unit: '%\u202e' };
  const text = renderEndToEnd(
    { ...run, readBack: [total], writtenTotals: [total] } as unknown as EndToEnd,
    { url: 'sqlite:x', driver: 'sqlite', file: '/tmp/x\u001b[2J.db' },
    { palette: createPalette(false) },
  );
  expect(text).toContain('  file: /tmp/x\\u001b[2J.db');
  expect(text).toContain('cpu\\u009b2J');
  expect(text).toContain('%\\u202e');
  expect(['\u001b', '\u009b', '\u202e'].some((c) => text.includes(c))).toBe(false);
});
