/**
 * The first step of an extension set: what every source declared for one
 * namespace, joined into one list in discovery order. A refused declaration
 * that still has a name stays in the list (as an entry that cannot be
 * loaded), so its record can say why it was refused; one with no name at all
 * is a problem of the set.
 *
 * This runs whenever a set is built, over every declaration of the namespace,
 * and a driver builds a set on every load, to make one record. So it copies
 * arrays rather than walking them entry by entry, and a single source's list
 * is used as it is: gathering a thousand declarations costs a pass that only
 * reads them. A frozen list cannot change, so what is learned about one (all
 * of it is in the namespace; where each name is) is kept with it: a source
 * that hands back the same frozen list on every call pays for those passes
 * once.
 */
import type { DiscoveryProblem, DiscoverySource, EntryPoint } from '../discovery/entry-point.ts';
import type { DiscoveryError } from '../errors/kinds.ts';

export interface Declarations {
  /** Every declaration, in discovery order; never mutated once gathered. */
  readonly found: readonly EntryPoint[];
  /** The refused ones, by index in `found`, with discovery's error. */
  readonly refusals: ReadonlyMap<number, DiscoveryError>;
  /** Declarations that could not become extensions (no name could be read, say). */
  readonly problems: readonly DiscoveryProblem[];
  /** The kind of source (`package-scan`, …) that found declaration `index`. */
  foundBy(index: number): string;
}

export function gatherDeclarations(
  namespace: string,
  sources: readonly DiscoverySource[],
): Declarations {
  let found: readonly EntryPoint[] = [];
  const ends: { end: number; kind: string }[] = [];
  const refusals = new Map<number, DiscoveryError>();
  const problems: DiscoveryProblem[] = [];
  for (const source of sources) {
    const report = source.discover(namespace);
    const entries = ofNamespace(report.entryPoints, namespace);
    const refused: EntryPoint[] = [];
    for (const problem of report.problems) {
      if (problem.namespace !== undefined && problem.namespace !== namespace) continue;
      if (problem.name === undefined) {
        problems.push(problem);
        continue;
      }
      refusals.set(found.length + entries.length + refused.length, problem.error);
      refused.push(unloadable(namespace, problem));
    }
    // The source's own (read-only) list when it is all there is; a new one otherwise.
    found = found.length === 0 && refused.length === 0 ? entries : found.concat(entries, refused);
    ends.push({ end: found.length, kind: source.kind });
  }
  return {
    found,
    refusals,
    problems,
    foundBy: (index) => (ends.find((s) => index < s.end) as { kind: string }).kind,
  };
}

/** Where each name is in `found`: the indexes of its declarations, in order. */
export function indexesOf(found: readonly EntryPoint[], name: string): readonly number[] {
  const known = Object.isFrozen(found) ? learnedAbout(found) : undefined;
  if (known !== undefined) {
    known.byName ??= indexByName(found);
    return known.byName.get(name) ?? [];
  }
  const indexes: number[] = [];
  for (let i = 0; i < found.length; i++) {
    if ((found[i] as EntryPoint).name === name) indexes.push(i);
  }
  return indexes;
}

/** What was learned about a frozen list; lists nobody holds any more are forgotten. */
interface Learned {
  namespace?: string;
  byName?: Map<string, number[]>;
}
const learned = new WeakMap<readonly EntryPoint[], Learned>();

function learnedAbout(list: readonly EntryPoint[]): Learned {
  let known = learned.get(list);
  if (known === undefined) {
    known = {};
    learned.set(list, known);
  }
  return known;
}

/** The entries of `namespace`: the list itself when, as sources promise, that is all of it. */
function ofNamespace(entries: readonly EntryPoint[], namespace: string): readonly EntryPoint[] {
  const known = Object.isFrozen(entries) ? learnedAbout(entries) : undefined;
  if (known?.namespace === namespace) return entries;
  for (let i = 0; i < entries.length; i++) {
    if ((entries[i] as EntryPoint).namespace !== namespace) {
      return entries.filter((e) => e.namespace === namespace);
    }
  }
  if (known !== undefined) known.namespace = namespace;
  return entries;
}

function indexByName(found: readonly EntryPoint[]): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  for (let i = 0; i < found.length; i++) {
    const name = (found[i] as EntryPoint).name;
    const indexes = byName.get(name);
    if (indexes === undefined) byName.set(name, [i]);
    else indexes.push(i);
  }
  return byName;
}

/** An entry point for a refused declaration: loading it throws discovery's error. */
function unloadable(namespace: string, problem: DiscoveryProblem): EntryPoint {
  return {
    namespace,
    name: problem.name ?? '<unnamed>',
    reference: problem.reference ?? problem.origin,
    source: problem.source ?? { kind: 'file', path: problem.origin, via: 'file-list' },
    target: () => {
      throw problem.error;
    },
  };
}
