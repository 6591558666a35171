import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableTopoSort } from './stable-topo-sort.ts';

describe('stableTopoSort: without edges', () => {
  it('orders by rank', () => {
    expect(stableTopoSort([2, 0, 1], [])).toEqual({ ok: true, order: [1, 2, 0] });
  });
});

describe('stableTopoSort: with edges', () => {
  it('puts every edge source before its target, and keeps rank order elsewhere', () => {
    // 3 must precede 0; 1 and 2 keep their places.
    expect(stableTopoSort([0, 1, 2, 3], [[3, 0]])).toEqual({ ok: true, order: [1, 2, 3, 0] });
  });

  it('holds for any acyclic graph (edges only from lower to higher index)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.tuple(
            fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
            fc.array(
              fc
                .tuple(fc.nat(n - 1), fc.nat(n - 1))
                .filter(([a, b]) => a !== b)
                .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
            ),
          ),
        ),
        ([rank, edges]) => {
          const outcome = stableTopoSort(rank, edges);
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          const at = new Map(outcome.order.map((node, i) => [node, i]));
          expect([...at.keys()].sort((a, b) => a - b)).toEqual([...rank.keys()]);
          for (const [from, to] of edges) expect(at.get(from)).toBeLessThan(at.get(to) as number);
          if (edges.length === 0) {
            expect(outcome.order).toEqual(
              [...rank.keys()].sort((a, b) => (rank[a] as number) - (rank[b] as number)),
            );
          }
        },
      ),
    );
  });
});

describe('stableTopoSort: a cycle', () => {
  it('is returned as its nodes in edge order, starting at the lowest, closed', () => {
    const outcome = stableTopoSort(
      [0, 1, 2, 3],
      [
        [0, 1],
        [2, 3],
        [3, 1],
        [1, 2],
      ],
    );
    expect(outcome).toEqual({ ok: false, cycle: [1, 2, 3, 1] });
  });

  it('is found even when another part of the graph sorts', () => {
    const outcome = stableTopoSort(
      [0, 1, 2],
      [
        [1, 2],
        [2, 1],
      ],
    );
    expect(outcome).toEqual({ ok: false, cycle: [1, 2, 1] });
  });
});
