/**
 * The enabling step of the pipeline: the host's policies applied in order to
 * the discovered extensions. Each policy sees only what the previous ones
 * kept, may narrow and reorder it, and every decision is written into the
 * extension's history, so a plugin that does not run can say which policy
 * turned it off and why.
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

/** Returns the extensions still enabled, in the order the last policy chose. */
export function applyPolicies<T>(
  extensions: readonly Extension<T>[],
  policies: readonly EnablingPolicy[],
): { order: Extension<T>[]; unmatched: UnmatchedName[] } {
  let order = extensions.filter((e) => e.isEnabled);
  const unmatched: UnmatchedName[] = [];
  for (const policy of policies) {
    const candidates = order.map(asEntryPoint);
    const verdict = policy.select(candidates);
    for (const { name, reason } of verdict.disabled) {
      for (const e of order) if (e.name === name) e.disable(policy.name, reason);
    }
    const kept: Extension<T>[] = [];
    for (const name of verdict.enabled) {
      for (const e of order) {
        if (e.name === name && e.isEnabled && !kept.includes(e)) {
          e.pass('enabling', policy.name, 'kept');
          kept.push(e);
        }
      }
    }
    // A candidate the policy neither kept nor disabled was not selected: say so.
    for (const e of order) {
      if (e.isEnabled && !kept.includes(e)) e.disable(policy.name, 'not selected');
    }
    for (const u of verdict.unmatched ?? []) {
      // A policy sees only what earlier policies kept. A name it cannot find may
      // still be a plugin that an earlier policy turned off (or discovery refused):
      // its own record says why, and "matches no plugin" would be false.
      if (!extensions.some((e) => e.name === u.name)) unmatched.push({ policy: policy.name, ...u });
    }
    order = kept;
  }
  return { order, unmatched };
}

function asEntryPoint<T>(e: Extension<T>): EntryPoint {
  return {
    namespace: e.namespace,
    name: e.name,
    reference: e.reference,
    source: e.source,
    target: () => e.target,
  };
}
