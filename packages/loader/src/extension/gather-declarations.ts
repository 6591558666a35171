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
 * once. A lone source that hands back the same frozen report is gathered
 * once, too: the next set built from it gets the same read-only answer.
 */
import type {
  DiscoveryProblem,
  DiscoveryReport,
  DiscoverySource,
  EntryPoint,
} from '../discovery/entry-point.ts';
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

/** Shared by every gathering that refused nothing: nobody writes into it. */
const NO_REFUSALS: ReadonlyMap<number, DiscoveryError> = new Map();

/** What one frozen report gathered to, for the namespace and kind of source it was asked for. */
interface Gathered {
  readonly namespace: string;
  readonly kind: string;
  readonly declarations: Declarations;
}
const gathered = new WeakMap<DiscoveryReport, Gathered>();

export function gatherDeclarations(
  namespace: string,
  sources: readonly DiscoverySource[],
): Declarations {
  const only = sources.length === 1 ? (sources[0] as DiscoverySource) : undefined;
  if (only === undefined) {
    return gather(
      namespace,
      sources.map((source) => ({ kind: source.kind, report: source.discover(namespace) })),
    );
  }
  // One source handing back the same frozen report: gathered once, then reused.
  // (Only frozen reports are kept, and frozen is for good: a kept one needs no check.)
  const report = only.discover(namespace);
  const kind = only.kind;
  const known = gathered.get(report);
  if (known !== undefined && known.namespace === namespace && known.kind === kind) {
    return known.declarations;
  }
  const declarations = gather(namespace, [{ kind, report }]);
  if (isFrozenReport(report)) gathered.set(report, { namespace, kind, declarations });
  return declarations;
}

/** A report nobody can change: itself and both of its lists frozen. */
function isFrozenReport(report: DiscoveryReport): boolean {
  return (
    Object.isFrozen(report) &&
    Object.isFrozen(report.entryPoints) &&
    Object.isFrozen(report.problems)
  );
}

function gather(
  namespace: string,
  reports: readonly { readonly kind: string; readonly report: DiscoveryReport }[],
): Declarations {
  let found: readonly EntryPoint[] = [];
  const ends: { end: number; kind: string }[] = [];
  let refusals: Map<number, DiscoveryError> | undefined;
  const problems: DiscoveryProblem[] = [];
  for (const { kind, report } of reports) {
    const entries = ofNamespace(report.entryPoints, namespace);
    const refused: EntryPoint[] = [];
    for (const problem of report.problems) {
      if (problem.namespace !== undefined && problem.namespace !== namespace) continue;
      if (problem.name === undefined) {
        problems.push(problem);
        continue;
      }
      refusals ??= new Map();
      refusals.set(found.length + entries.length + refused.length, problem.error);
      refused.push(unloadable(namespace, problem, kind));
    }
    // The source's own (read-only) list when it is all there is; a new one otherwise.
    found = found.length === 0 && refused.length === 0 ? entries : found.concat(entries, refused);
    ends.push({ end: found.length, kind });
  }
  const single = ends.length === 1 ? (ends[0] as { kind: string }).kind : undefined;
  return Object.freeze({
    found,
    refusals: refusals ?? NO_REFUSALS,
    problems: Object.freeze(problems),
    foundBy:
      single === undefined
        ? (index: number) => (ends.find((s) => index < s.end) as { kind: string }).kind
        : () => single,
  });
}

/**
 * Where each name is in `found`: the indexes of its declarations, in order.
 *
 * A list asked for names more than once (a dispatcher indexing every plugin,
 * a host loading several, every set built from one frozen scan report) gets
 * an index of every name, built once, and each lookup is one probe of it.
 * The first name asked is found by one pass instead: a driver asks one name
 * in its process's life, and indexing all names for it cost about 0.3 ms of
 * its first load of 2.4-2.8 ms with 1,000 plugins installed.
 */
export function indexesOf(found: readonly EntryPoint[], name: string): readonly number[] {
  const known = learnedAbout(found);
  if (known !== undefined) {
    if (known.byName === undefined && known.askedBefore === true) known.byName = indexByName(found);
    if (known.byName !== undefined) return known.byName.get(name) ?? [];
    known.askedBefore = true;
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
  /** A name was looked up in the list before (without an index: see indexesOf). */
  askedBefore?: boolean;
  byName?: Map<string, number[]>;
}
const learned = new WeakMap<readonly EntryPoint[], Learned>();

/** What is known about `list`; undefined when it is not frozen (nothing can be kept for it). */
function learnedAbout(list: readonly EntryPoint[]): Learned | undefined {
  let known = learned.get(list);
  // Only frozen lists are kept, and frozen is for good: a kept one needs no check.
  if (known === undefined && Object.isFrozen(list)) {
    known = {};
    learned.set(list, known);
  }
  return known;
}

/** The entries of `namespace`: the list itself when, as sources promise, that is all of it. */
function ofNamespace(entries: readonly EntryPoint[], namespace: string): readonly EntryPoint[] {
  const known = learnedAbout(entries);
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

/**
 * An entry point for a refused declaration: loading it throws discovery's
 * error. Without a package or file to name, its source is the declaration
 * itself, read by the source of kind `kind`.
 */
function unloadable(namespace: string, problem: DiscoveryProblem, kind: string): EntryPoint {
  return {
    namespace,
    name: problem.name ?? '<unnamed>',
    reference: problem.reference ?? problem.origin,
    source: problem.source ?? { kind: 'declaration', origin: problem.origin, via: kind },
    target: () => {
      throw problem.error;
    },
  };
}
