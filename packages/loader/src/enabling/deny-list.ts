/**
 * Enabling by an inverted list, as ceilometer does for its pollsters: every
 * installed plugin runs unless the configuration turns it off.
 *
 * This keeps the "installing is activating" convenience while leaving the
 * operator a way out for the one plugin that misbehaves on this machine.
 * Discovery order is kept. A denied name that matches nothing is reported with
 * the closest existing name: a misspelt deny entry would otherwise leave the
 * plugin it meant running, which is the worst way for a deny list to fail.
 */
import { closestName } from '../shared/closest-name.ts';
import type { EnablingPolicy, PolicyVerdict } from './policy.ts';

export interface DenyListOptions {
  /** Shown as "disabled by NAME" in reports. Default `deny-list`. */
  readonly name?: string;
}

export function denyList(names: readonly string[], options: DenyListOptions = {}): EnablingPolicy {
  const denied = [...new Set(names)];
  const deniedSet = new Set(denied);
  return {
    name: options.name ?? 'deny-list',
    select(candidates): PolicyVerdict {
      const found = [...new Set(candidates.map((c) => c.name))];
      const foundSet = new Set(found);
      return {
        enabled: found.filter((name) => !deniedSet.has(name)),
        disabled: found
          .filter((name) => deniedSet.has(name))
          .map((name) => ({ name, reason: 'in the deny list' })),
        unmatched: denied
          .filter((name) => !foundSet.has(name))
          .map((name) => ({ name, closest: closestName(name, found) })),
      };
    },
  };
}
