/**
 * Step 3: for each of the essay's stages, every approach run on the same
 * plugins, one table each. Each comparison lives in its own file; this one
 * runs them in order, on one package scan, and reports progress.
 */
import { packageScan } from '@plugin-patterns/loader';
import { compareDiscovery } from './discovery-table.ts';
import { compareEnabling } from './enabling-table.ts';
import { compareEnforcement } from './enforcement-table.ts';
import { compareInvocation } from './invocation-table.ts';
import type { StageComparisons } from './tour-result.ts';

export interface CompareOptions {
  /** The host's folder, whose dependencies are scanned. */
  readonly root: string;
  readonly progress: (step: string) => void;
  /** How long a plugin's promised answer may take. */
  readonly timeoutMs: number;
}

export async function compareStages(options: CompareOptions): Promise<StageComparisons> {
  const { root, progress, timeoutMs } = options;
  progress('Comparing the discovery approaches');
  const discovery = compareDiscovery(root);
  const source = packageScan({ cwd: root, cache: false });
  progress('Comparing the enabling policies');
  const enabling = await compareEnabling(source);
  progress('Comparing the ways to enforce an API');
  const enforcement = await compareEnforcement(source, { timeoutMs });
  progress('Comparing the invocation patterns');
  const invocation = await compareInvocation(source, { timeoutMs });
  return { discovery, enabling, enforcement, invocation };
}
