/**
 * The driver pattern's one decision: which single extension answers to the
 * name. Exactly one must. None is an error that lists what does exist (and the
 * nearest spelling); several is an error too, because two installed packages
 * that both claim `sqlite` are a conflict the host's owner must settle, and a
 * silent pick would depend on install order.
 *
 * This runs on declarations only. Nothing has been imported yet, so choosing
 * costs one pass over the declared names and a record for each claimant,
 * whatever the claimants' modules contain. The list of every name is only
 * needed, and only built, when nothing matches.
 */
import {
  AmbiguousPluginError,
  closestName,
  distinctClaimants,
  type Extension,
  type ExtensionSet,
  NoMatchingPluginError,
  setAsideRepeats,
} from '@plugin-patterns/loader';

/** The one extension declared under `name`, or a typed error naming the alternatives. */
export function chooseDriver<T>(set: ExtensionSet<T>, name: string): Extension<T> {
  const claims = set.named(name);
  const first = claims[0];
  if (first === undefined) {
    const available = set.names();
    throw new NoMatchingPluginError({
      namespace: set.namespace,
      name,
      available,
      closest: closestName(name, available),
    });
  }
  // One claim is one claimant: the usual case, decided without labelling anyone.
  // Several claims may still be one claimant, found by two sources: the loader
  // decides that (distinctClaimants), as it does for the dispatcher, and the
  // first record found is the one loaded. The later record is set aside as
  // the loader's own load by name sets it aside (disabled by `found-twice`),
  // so that its report says which record is used.
  if (claims.length > 1) {
    setAsideRepeats(claims.filter((e) => e.isEnabled));
    const claimants = distinctClaimants(claims);
    if (claimants.length > 1) {
      const labels = claimants.map((c) => c.label);
      throw new AmbiguousPluginError({ namespace: set.namespace, name, claimants: labels });
    }
  }
  return first;
}
