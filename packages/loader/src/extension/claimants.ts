/**
 * Who claims a plugin name. A host may pass overlapping sources (a package
 * scan, and a reference list naming some of the same packages), so one
 * declaration can be found twice and make two records. Those two records are
 * one claimant: the same module export in the same folder. A conflict is two
 * things the loader would have to choose between: two packages, two copies of
 * one package@version in different folders, or two sources pointing the one
 * name at different exports of one package.
 *
 * The extension set asks it once, when it makes the records of a name
 * declared more than once (extension-set.ts), so every pattern sees each
 * plugin once and agrees on what a conflict is. Of the records of one
 * claimant the first found is used, in discovery order (the order of the
 * host's sources): the others are the same plugin seen again, and nobody
 * should call them. Of the claimants left, `chooseClaimant` says which one
 * answers to the name, or why none can (the set's `claimant`).
 */

import { AmbiguousPluginError, NoMatchingPluginError } from '../errors/kinds.ts';
import { closestName } from '../shared/closest-name.ts';
import type { Extension } from './extension.ts';
import { describeSource } from './extension-report.ts';

/** One distinct claimant of a name: the record to use, and how error messages name it. */
export interface Claimant<T> {
  /** The claimant's first record in discovery order; later records of it are repeats. */
  readonly extension: Extension<T>;
  /** `package@version` (or the file, or `in-memory`); with its folder or reference when two look alike. */
  readonly label: string;
}

/**
 * Turns off the repeats among `claims` (the enabled records of one name, in
 * discovery order): each record whose place an earlier one holds is disabled
 * by `found-twice`, with a reason naming the record that is used, so that its
 * report (and `explain`) says why it is not running instead of showing an
 * enabled plugin that never loads. The extension set calls it once, when it
 * makes the records of a name declared more than once.
 */
export function setAsideRepeats<T>(claims: readonly Extension<T>[]): void {
  const firstAt = new Map<string | Extension<T>, Extension<T>>();
  for (const extension of claims) {
    const place = placeOf(extension);
    const used = firstAt.get(place);
    if (used === undefined) {
      firstAt.set(place, extension);
      continue;
    }
    const which = `${used.source.via} (${describeSource(used.source)})`;
    extension.disable(
      'found-twice',
      `the same plugin as the record found by ${which}, which is the one used`,
    );
  }
}

/**
 * Where a record's code physically is: equal places are one claimant. A
 * package or file is its real folder or path plus the export the name points
 * at. An object handed in by the host, or a declaration refused before any
 * package or file was found for it, has no place to compare: each record is
 * its own claimant.
 */
function placeOf<T>(extension: Extension<T>): string | Extension<T> {
  const source = extension.source;
  switch (source.kind) {
    case 'package':
      return `package:${source.root}\n${exportOf(extension)}`;
    case 'file':
      return `file:${source.path}\n${exportOf(extension)}`;
    case 'object':
    case 'declaration':
      return extension;
  }
}

/**
 * The module export the record would import. Resolving reads the file system
 * but runs no code; it is only done for a name with several records. A
 * declaration that cannot be resolved (discovery refused it) is compared by
 * its reference as written.
 */
function exportOf<T>(extension: Extension<T>): string {
  try {
    const target = extension.target;
    return `${target.url}#${target.exportName}`;
  } catch {
    return `reference:${extension.reference}`;
  }
}

/**
 * The one record that answers to `name` among `records` (all the records of
 * that name, repeats set aside already): the rule of the set's `claimant`,
 * which every pattern that uses one plugin by name follows. One record
 * answers, or its load() says why it cannot. More than one enabled is an
 * AmbiguousPluginError (the loader never picks one silently); none enabled,
 * the first, whose load() says why it is unavailable; no record at all, a
 * NoMatchingPluginError naming the nearest of `available()`.
 */
export function chooseClaimant<T>(
  namespace: string,
  name: string,
  records: readonly Extension<T>[],
  available: () => string[],
): Extension<T> {
  // The usual case, one record: it answers, or its load() says why it cannot.
  if (records.length === 1) return records[0] as Extension<T>;
  // The repeats are set aside already (setAsideRepeats, when the records were
  // made): every enabled record left is a claimant of its own, and more than
  // one is a conflict, labelled apart.
  const enabled = records.filter((e) => e.isEnabled);
  if (enabled.length > 1) {
    const claimants = labelClaimants(enabled).map((c) => c.label);
    throw new AmbiguousPluginError({ namespace, name, claimants });
  }
  const extension = enabled[0] ?? records[0];
  if (extension !== undefined) return extension;
  const names = available();
  throw new NoMatchingPluginError({
    namespace,
    name,
    available: names,
    closest: closestName(name, names),
  });
}

/**
 * `claimants` (records of one name, each a distinct claimant: the repeats
 * already left out) with labels that tell them apart. Usually
 * `package@version` is enough; when two claimants share it, each label adds
 * its folder (two copies installed) or, in the same folder, its reference
 * (two exports of one package).
 */
export function labelClaimants<T>(claimants: readonly Extension<T>[]): Claimant<T>[] {
  const labels = claimants.map((e) => describeSource(e.source));
  return claimants.map((extension, i) => {
    const label = labels[i] as string;
    if (labels.indexOf(label) === labels.lastIndexOf(label)) return { extension, label };
    const alike = claimants.filter((_, j) => labels[j] === label);
    return { extension, label: `${label} (${detailOf(extension, alike)})` };
  });
}

function detailOf<T>(extension: Extension<T>, alike: readonly Extension<T>[]): string {
  const source = extension.source;
  if (source.kind !== 'package') return extension.reference;
  const elsewhere = alike.some((e) => e.source.kind === 'package' && e.source.root !== source.root);
  return elsewhere ? source.root : extension.reference;
}
