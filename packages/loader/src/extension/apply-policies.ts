/**
 * The enabling step of the pipeline: the host's policies applied in order to
 * the discovered declarations. Each policy sees only what the previous ones
 * kept, may narrow and reorder it, and every decision is written into the
 * extensions' histories, so a plugin that does not run can say which policy
 * turned it off and why.
 *
 * Most policies decide by name, so the decisions are kept by name and written
 * into a record when the record is made (`recordDecisions`): every policy still
 * sees every candidate, and its verdict is the same whether the host then
 * looks at one record or at all of them. A policy that judges each record on
 * its own (a predicate) turns single records off (`disabledEntries`): such a
 * decision names its record (`only`), and the other claimants of the name
 * go on.
 */
import type { EntryPoint } from '../discovery/entry-point.ts';
import type { EnablingPolicy } from '../enabling/policy.ts';
import type { Extension } from './extension.ts';

/** A name a policy was configured with that matches no plugin. */
export interface UnmatchedName {
  readonly policy: string;
  readonly name: string;
  readonly closest: string | undefined;
}

/** One policy's word on one name; every record of that name is told the same. */
export type PolicyDecision =
  | { readonly by: string; readonly kept: true }
  | {
      readonly by: string;
      readonly kept: false;
      readonly reason: string;
      /** The one record (its index) this decision is about; every record of the name when absent. */
      readonly only?: number;
    };

export interface PolicyOutcome {
  /** Indexes of the declarations still enabled, in the order the last policy chose. */
  readonly order: readonly number[];
  /** Each name's decisions, in the order they were taken. */
  readonly decisions: ReadonlyMap<string, readonly PolicyDecision[]>;
  readonly unmatched: readonly UnmatchedName[];
}

/**
 * Runs the policies over the declarations in `found` that discovery did not
 * refuse. `found` as a whole is what a name must be missing from to be
 * reported as unmatched.
 */
export function applyPolicies(
  found: readonly EntryPoint[],
  refused: ReadonlyMap<number, unknown>,
  policies: readonly EnablingPolicy[],
): PolicyOutcome {
  let order: number[] = [];
  for (let i = 0; i < found.length; i++) if (!refused.has(i)) order.push(i);
  const decisions = new Map<string, PolicyDecision[]>();
  const decide = (name: string, decision: PolicyDecision): void => {
    const list = decisions.get(name);
    if (list === undefined) decisions.set(name, [decision]);
    else list.push(decision);
  };
  const unmatched: UnmatchedName[] = [];
  for (const policy of policies) {
    const byName = groupByName(found, order);
    const verdict = policy.select(order.map((i) => found[i] as EntryPoint));
    const offEntries = entriesTurnedOff(found, order, verdict.disabledEntries);
    for (const [i, reason] of offEntries) {
      decide((found[i] as EntryPoint).name, { by: policy.name, kept: false, reason, only: i });
    }
    const off = new Set<string>();
    for (const { name, reason } of verdict.disabled) {
      if (!byName.has(name)) continue;
      decide(name, { by: policy.name, kept: false, reason });
      off.add(name);
    }
    const kept: number[] = [];
    const keptNames = new Set<string>();
    for (const name of verdict.enabled) {
      const claims = byName.get(name);
      if (claims === undefined || off.has(name) || keptNames.has(name)) continue;
      decide(name, { by: policy.name, kept: true });
      keptNames.add(name);
      if (offEntries.size === 0) kept.push(...claims);
      else for (const i of claims) if (!offEntries.has(i)) kept.push(i);
    }
    // A candidate the policy neither kept nor disabled was not selected: say so.
    for (const [name, claims] of byName) {
      if (offEntries.size > 0 && claims.every((i) => offEntries.has(i))) continue;
      if (!off.has(name) && !keptNames.has(name)) {
        decide(name, { by: policy.name, kept: false, reason: 'not selected' });
      }
    }
    for (const u of verdict.unmatched ?? []) {
      // A policy sees only what earlier policies kept. A name it cannot find may
      // still be a plugin that an earlier policy turned off (or discovery refused):
      // its own record says why, and "matches no plugin" would be false.
      if (!found.some((e) => e.name === u.name)) unmatched.push({ policy: policy.name, ...u });
    }
    order = kept;
  }
  return { order, decisions, unmatched };
}

/**
 * Writes a name's decisions into its record number `index`, as if it had been
 * there: a decision about another record of the name is skipped, and once
 * this record was turned off on its own, later policies never saw it.
 */
export function recordDecisions<T>(
  extension: Extension<T>,
  decisions: readonly PolicyDecision[] | undefined,
  index: number,
): void {
  if (decisions === undefined) return;
  for (const decision of decisions) {
    if (decision.kept) {
      extension.pass('enabling', decision.by, 'kept');
      continue;
    }
    if (decision.only !== undefined && decision.only !== index) continue;
    extension.disable(decision.by, decision.reason);
    if (decision.only !== undefined) return;
  }
}

/** The records a verdict turned off one by one, by index, with their reasons. */
function entriesTurnedOff(
  found: readonly EntryPoint[],
  order: readonly number[],
  entries: readonly { readonly entry: EntryPoint; readonly reason: string }[] | undefined,
): Map<number, string> {
  const off = new Map<number, string>();
  if (entries === undefined || entries.length === 0) return off;
  const indexOf = new Map<EntryPoint, number>();
  for (const i of order) indexOf.set(found[i] as EntryPoint, i);
  for (const { entry, reason } of entries) {
    const i = indexOf.get(entry);
    if (i !== undefined && !off.has(i)) off.set(i, reason);
  }
  return off;
}

/** The indexes in `order`, grouped by their declaration's name (first-seen order). */
function groupByName(
  found: readonly EntryPoint[],
  order: readonly number[],
): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of order) {
    const name = (found[i] as EntryPoint).name;
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [i]);
    else group.push(i);
  }
  return groups;
}
