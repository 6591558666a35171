/**
 * Enabling by an explicit allow list, as Mercurial's `[extensions]` section or
 * Trac's `[components]` do: installed is not enough, the host's configuration
 * must name a plugin for it to run.
 *
 * The list's order is the order the host uses the plugins in: for an iterator
 * or a pipeline that order matters, and the configuration is the natural place
 * to state it. A listed name that matches nothing is almost always a typo or a
 * package that is not installed, so it is reported (with the closest existing
 * name) instead of being silently ignored.
 */
import { closestName } from '../shared/closest-name.ts';
import type { EnablingPolicy, PolicyVerdict } from './policy.ts';

export interface AllowListOptions {
  /** Shown as "disabled by NAME" in reports. Default `allow-list`. */
  readonly name?: string;
}

export function allowList(
  names: readonly string[],
  options: AllowListOptions = {},
): EnablingPolicy {
  const allowed = [...new Set(names)];
  const allowedSet = new Set(allowed);
  return {
    name: options.name ?? 'allow-list',
    select(candidates): PolicyVerdict {
      const found = new Set(candidates.map((c) => c.name));
      return {
        // The list's order, not discovery's.
        enabled: allowed.filter((name) => found.has(name)),
        disabled: [...found]
          .filter((name) => !allowedSet.has(name))
          .map((name) => ({ name, reason: 'not in the allow list' })),
        unmatched: allowed
          .filter((name) => !found.has(name))
          .map((name) => ({ name, closest: closestName(name, found) })),
      };
    },
  };
}
