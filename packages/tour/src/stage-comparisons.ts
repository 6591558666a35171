/**
 * Step 3: for each of the essay's stages, every approach run on the same
 * plugins, one table each. Each comparison lives in its own file; this one
 * runs them in order and reports progress.
 *
 * The enabling, enforcement and invocation tables read the host's own
 * discovery source: the tour's one package scan, already made when the host
 * loaded, so they see the very declarations the host saw. Only the discovery
 * table scans again, because its scans (cold, then warm from a cache) are the
 * thing it measures.
 */
import type { DiscoverySource } from '@plugin-patterns/loader';
import { compareDiscovery } from './discovery-table.ts';
import { compareEnabling } from './enabling-table.ts';
import { compareEnforcement } from './enforcement-table.ts';
import { compareInvocation } from './invocation-table.ts';
import type { StageComparisons } from './tour-result.ts';

export interface CompareOptions {
  /** The host's folder, whose dependencies the discovery table scans. */
  readonly root: string;
  /** The host's discovery source, which the other tables read. */
  readonly source: DiscoverySource;
  readonly progress: (step: string) => void;
  /** How long a plugin's promised answer may take. */
  readonly timeoutMs: number;
}

export async function compareStages(options: CompareOptions): Promise<StageComparisons> {
  const { root, source, progress, timeoutMs } = options;
  progress('Comparing the discovery approaches');
  const discovery = compareDiscovery(root);
  progress('Comparing the enabling policies');
  const enabling = await compareEnabling(source);
  progress('Comparing the ways to enforce an API');
  const enforcement = await compareEnforcement(source, { timeoutMs });
  progress('Comparing the invocation patterns');
  const invocation = await compareInvocation(source, { timeoutMs });
  return { discovery, enabling, enforcement, invocation };
}
