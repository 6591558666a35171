/**
 * Enabling by any rule the host can write over a declaration: only plugins
 * from packages in a vendor scope, only file plugins, nothing whose name starts
 * with `experimental-`. The rule sees the entry point (name, reference,
 * provenance), never plugin code, so it runs before anything is imported.
 *
 * The rule answers `true` to keep a plugin, or `false` (or a string giving the
 * reason) to disable it. A reason is worth returning: it is what `explain`
 * shows when someone asks why their plugin does not run. A rule that throws
 * disables the one plugin it threw on, with the message as the reason; one odd
 * declaration must not stop the host from starting.
 */
import type { EntryPoint } from '../discovery/entry-point.ts';
import { describeThrown } from '../errors/plugin-error.ts';
import type { EnablingPolicy, PolicyVerdict } from './policy.ts';

/** `true` keeps the plugin; `false` or a reason disables it. */
export type EntryPredicate = (entry: EntryPoint) => boolean | string;

export function predicate(name: string, rule: EntryPredicate): EnablingPolicy {
  return {
    name,
    select(candidates): PolicyVerdict {
      // A Set keeps each name once, in the order it was first kept.
      const kept = new Set<string>();
      const disabledEntries: { entry: EntryPoint; reason: string }[] = [];
      for (const entry of candidates) {
        const reason = verdictOf(rule, entry);
        if (reason === undefined) kept.add(entry.name);
        else disabledEntries.push({ entry, reason });
      }
      // The rule judged each declaration, so each is turned off on its own:
      // a name claimed twice stays on for the claimant the rule kept.
      return { enabled: [...kept], disabled: [], disabledEntries };
    },
  };
}

/** undefined when the rule keeps the entry, otherwise the reason it does not. */
function verdictOf(rule: EntryPredicate, entry: EntryPoint): string | undefined {
  let answer: boolean | string;
  try {
    answer = rule(entry);
  } catch (thrown) {
    return `the rule threw: ${describeThrown(thrown)}`;
  }
  if (answer === true) return undefined;
  if (typeof answer === 'string' && answer !== '') return answer;
  return 'rejected by the rule';
}
