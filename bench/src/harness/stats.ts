/**
 * The one statistic the benchmarks report: the median. A run on a shared
 * machine has outliers on one side only (a round is never faster than the
 * code allows, but often slower when another process takes the core), so the
 * middle value describes the code where a mean would describe the neighbours.
 */

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
