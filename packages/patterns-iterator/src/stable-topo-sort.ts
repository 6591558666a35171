/**
 * A topological sort that keeps the order it was given wherever the
 * constraints leave a choice (Kahn's algorithm, taking the waiting node with
 * the lowest rank each time). Plugin ordering needs exactly this: a few
 * "before"/"after" edges must not shuffle everything else, or adding one
 * constraint would reorder plugins it never mentioned.
 *
 * It is quadratic in the number of nodes, which is the number of plugins of
 * one namespace: tens at most, sorted once per plan, not per call.
 */

export type SortOutcome =
  | { readonly ok: true; readonly order: number[] }
  | { readonly ok: false; readonly cycle: number[] };

/**
 * Sorts nodes `0..rank.length-1`. `edges` are `[from, to]` pairs meaning
 * "from runs before to"; `rank` breaks ties, lowest first. A cycle is
 * returned as its nodes in edge order, the first one repeated at the end.
 */
export function stableTopoSort(
  rank: readonly number[],
  edges: readonly (readonly [number, number])[],
): SortOutcome {
  const count = rank.length;
  const successors: number[][] = Array.from({ length: count }, () => []);
  const predecessors: number[][] = Array.from({ length: count }, () => []);
  const waitingOn = new Array<number>(count).fill(0);
  for (const [from, to] of edges) {
    successors[from]?.push(to);
    predecessors[to]?.push(from);
    waitingOn[to] = (waitingOn[to] as number) + 1;
  }

  const done = new Array<boolean>(count).fill(false);
  const order: number[] = [];
  for (;;) {
    let pick = -1;
    for (let i = 0; i < count; i++) {
      if (done[i] || waitingOn[i] !== 0) continue;
      if (pick === -1 || (rank[i] as number) < (rank[pick] as number)) pick = i;
    }
    if (pick === -1) break;
    done[pick] = true;
    order.push(pick);
    for (const next of successors[pick] as number[]) {
      waitingOn[next] = (waitingOn[next] as number) - 1;
    }
  }
  if (order.length === count) return { ok: true, order };
  return { ok: false, cycle: findCycle(done, predecessors) };
}

/**
 * Every node left unsorted waits on another unsorted node, so walking
 * backwards through unsorted predecessors must revisit a node: the walk
 * from that node's first visit on is a cycle (read backwards).
 */
function findCycle(done: readonly boolean[], predecessors: readonly number[][]): number[] {
  const start = done.indexOf(false);
  const walk: number[] = [];
  const seenAt = new Map<number, number>();
  let node = start;
  while (!seenAt.has(node)) {
    seenAt.set(node, walk.length);
    walk.push(node);
    node = (predecessors[node] as number[]).find((p) => !done[p]) as number;
  }
  const backwards = walk.slice(seenAt.get(node));
  const cycle = backwards.reverse();
  // Start at the lowest node, so the same cycle is always reported the same way.
  const lowest = cycle.indexOf(Math.min(...cycle));
  const rotated = [...cycle.slice(lowest), ...cycle.slice(0, lowest)];
  rotated.push(rotated[0] as number);
  return rotated;
}
