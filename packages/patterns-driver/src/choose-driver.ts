/**
 * The driver pattern's one decision: which single extension answers to the
 * name. Exactly one must. None is an error that lists what does exist (and the
 * nearest spelling); several is an error too, because two installed packages
 * that both claim `sqlite` are a conflict the host's owner must settle, and a
 * silent pick would depend on install order.
 *
 * The rule is the loader's (`ExtensionSet.claimant`), the one its own load by
 * name and the dispatcher follow too, so the three never disagree on who
 * answers: only enabled records claim the name (a declaration a source
 * refused, or one a policy turned off, does not), and one declaration found
 * by two sources is one claimant, whose first record is used while the later
 * one is set aside, disabled by `found-twice`, so its report says which
 * record is used.
 *
 * This runs on declarations only. Nothing has been imported yet, so choosing
 * costs a lookup of the name and a record for each of its declarations,
 * whatever their modules contain. The list of every name is only needed, and
 * only built, when nothing matches.
 */
import type { Extension, ExtensionSet } from '@plugin-patterns/loader';

/** The one extension declared under `name`, or a typed error naming the alternatives. */
export function chooseDriver<T>(set: ExtensionSet<T>, name: string): Extension<T> {
  return set.claimant(name);
}
