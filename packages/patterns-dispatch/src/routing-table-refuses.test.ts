/**
 * A routing table is built from patterns a plugin declared: an invalid one
 * is refused with a TypeError saying what is wrong with it, never routed.
 */
import { describe, expect, it } from 'vitest';
import { RoutingTable } from './routing-table.ts';

describe('RoutingTable: an invalid pattern', () => {
  it('is a TypeError with the problem, for an empty segment and a misplaced star', () => {
    expect(() => new RoutingTable([{ handler: 'a', patterns: ['compute..end'] }])).toThrow(
      new TypeError('"compute..end" has an empty segment'),
    );
    expect(() => new RoutingTable([{ handler: 'a', patterns: ['compute.*.end'] }])).toThrow(
      new TypeError(
        '"compute.*.end": "*" is only allowed as the whole last segment (like "compute.instance.*")',
      ),
    );
  });
});
