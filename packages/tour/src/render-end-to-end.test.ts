/**
 * The storage and transport lines print URLs and driver names the tour did
 * not write (a URL is the user's, a driver name a plugin's): escaped, so a
 * control character shows as `\uXXXX` instead of acting on the terminal.
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
