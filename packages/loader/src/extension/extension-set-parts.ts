/**
 * How an extension set is made, the two ways: from discovery (`discover`:
 * discovery and the enabling policies run once, over every declaration, and
 * nothing is imported), or from objects the host hands in (`fromObjects`, the
 * test seam). Either way the result is the same parts: the declarations found,
 * a maker of the record of each, the order the policies chose, and what went
 * wrong on the way.
 *
 * Kept apart from the set (extension-set.ts), which answers questions over
 * those parts: how a set comes to be is read once, when learning the
 * pipeline; what a set answers is read every time a pattern uses one.
 */
import type { DiscoveryProblem, DiscoverySource, EntryPoint } from '../discovery/entry-point.ts';
import type { EnablingPolicy } from '../enabling/policy.ts';
import type { Contract } from '../enforcement/contract.ts';
import { type Importer, importExport } from '../importing/importer.ts';
import type { Integration } from '../integration/integration.ts';
import type { Namespace } from '../namespace.ts';
import { traceDiscovery } from '../tracing/trace-stage.ts';
import { applyPolicies, recordDecisions, type UnmatchedName } from './apply-policies.ts';
import { Extension } from './extension.ts';
import { gatherDeclarations } from './gather-declarations.ts';
import { runLoadSteps } from './load-steps.ts';

export interface ExtensionSetOptions<T> {
  /** The namespace, as a name or as a typed `Namespace<T>` (which may carry a contract). */
  readonly namespace: string | Namespace<T>;
  /** Where to look. Several sources are read in order and their findings joined. */
  readonly sources: readonly DiscoverySource[];
  // Each option may also be given as undefined, meaning its default: a caller
  // passing its own options on needs no spread per option.
  /** Applied in order; each narrows what the previous kept. Default: all installed. */
  readonly policies?: readonly EnablingPolicy[] | undefined;
  /** How an export becomes the object the host calls. Default: used as it is. */
  readonly integration?: Integration<T> | undefined;
  /** What the object must provide. Default: the namespace's contract, if any. */
  readonly contract?: Contract<T> | undefined;
  /** `record` (default): a plugin that fails to load is reported and skipped. `raise`: loadAll throws. */
  readonly onLoadFailure?: 'record' | 'raise' | undefined;
  /**
   * How long loading one plugin (import, integration, enforcement, self-check)
   * may take before it fails with a PluginTimeoutError at the stage it was
   * stuck at. Default: no limit, as for a plain `import()`.
   */
  readonly loadTimeoutMs?: number | undefined;
  readonly importer?: Importer | undefined;
}

/** What a set is made of. */
export interface ExtensionSetParts<T> {
  readonly namespace: string;
  /** Every declaration found, in discovery order: record `i` is made from `found[i]`. */
  readonly found: readonly EntryPoint[];
  /** Makes record `i`, with what discovery and the policies decided about it. */
  readonly make: (index: number) => Extension<T>;
  /** Indexes of the records the policies kept, in their order; undefined: no policies. */
  readonly order: readonly number[] | undefined;
  readonly problems: readonly DiscoveryProblem[];
  readonly unmatched: readonly UnmatchedName[];
  readonly onLoadFailure: 'record' | 'raise';
}

/** Shared by every set without policies, or without unmatched names: nobody writes into them. */
const NO_POLICIES: readonly EnablingPolicy[] = Object.freeze([]);
const NO_UNMATCHED: readonly UnmatchedName[] = Object.freeze([]);

/** Runs discovery and enabling for one namespace. Imports nothing. */
export function discoveredParts<T>(options: ExtensionSetOptions<T>): ExtensionSetParts<T> {
  const namespace =
    typeof options.namespace === 'string' ? options.namespace : options.namespace.name;
  const contract =
    options.contract ??
    (typeof options.namespace === 'string' ? undefined : options.namespace.contract);
  const policies = options.policies ?? NO_POLICIES;
  const loadSteps = runLoadSteps<T>({
    importer: options.importer ?? importExport,
    integration: options.integration,
    contract,
    policies,
    loadTimeoutMs: options.loadTimeoutMs,
  });

  const { found, refusals, problems, foundBy } = traceDiscovery(namespace, options.sources, () =>
    gatherDeclarations(namespace, options.sources),
  );
  // Without policies, every declaration is kept, in discovery order: no list to build.
  const outcome = policies.length === 0 ? undefined : applyPolicies(found, refusals, policies);
  const decisions = outcome?.decisions;
  const make = (i: number): Extension<T> => {
    const entry = found[i] as EntryPoint;
    const extension = new Extension<T>(entry, loadSteps);
    const refusal = refusals.size === 0 ? undefined : refusals.get(i);
    if (refusal !== undefined) {
      extension.fail(refusal, foundBy(i));
    } else {
      extension.pass('discovery', foundBy(i), `declared "${entry.reference}"`);
      if (decisions !== undefined) recordDecisions(extension, decisions.get(entry.name), i);
    }
    return extension;
  };
  return {
    namespace,
    found,
    make,
    order: outcome?.order,
    problems,
    unmatched: outcome?.unmatched ?? NO_UNMATCHED,
    onLoadFailure: options.onLoadFailure ?? 'record',
  };
}

/** The test seam's parts: records made from objects the host hands in, already loaded. */
export function handedInParts<T>(
  namespace: string | Namespace<T>,
  objects: Readonly<Record<string, T>> | ReadonlyArray<readonly [string, T]>,
): ExtensionSetParts<T> {
  const name = typeof namespace === 'string' ? namespace : namespace.name;
  const pairs = Array.isArray(objects) ? objects : Object.entries(objects);
  const extensions = pairs.map(([pluginName, object]) =>
    Extension.preloaded(name, pluginName, object),
  );
  return {
    namespace: name,
    // A record carries everything an entry point does, target included.
    found: extensions,
    make: (i) => extensions[i] as Extension<T>,
    order: undefined,
    problems: [],
    unmatched: [],
    onLoadFailure: 'record',
  };
}
