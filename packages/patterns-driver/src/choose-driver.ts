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
  describeSource,
  type Extension,
  type ExtensionSet,
  NoMatchingPluginError,
  type PluginSource,
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
  if (claims.length > 1) {
    const claimants = distinctClaimants(claims);
    if (claimants.length > 1) {
      throw new AmbiguousPluginError({ namespace: set.namespace, name, claimants });
    }
  }
  return first;
}

/**
 * One label per distinct declaring package. The same package found twice (by
 * two sources, say) is one claimant, not a conflict; two copies of one
 * package@version at different paths are two, and the label shows both paths.
 */
function distinctClaimants<T>(claims: readonly Extension<T>[]): string[] {
  const byPlace = new Map<string, PluginSource>();
  for (const claim of claims) byPlace.set(placeOf(claim.source), claim.source);
  const sources = [...byPlace.values()];
  const labels = sources.map(describeSource);
  return sources.map((source, i) => {
    const label = labels[i] as string;
    const clash = labels.indexOf(label) !== labels.lastIndexOf(label);
    return clash && source.kind === 'package' ? `${label} (${source.root})` : label;
  });
}

/** Where a declaration physically lives: equal places are the same claimant. */
function placeOf(source: PluginSource): string {
  switch (source.kind) {
    case 'package':
      return `package:${source.root}`;
    case 'file':
      return `file:${source.path}`;
    case 'object':
      return 'object';
  }
}
