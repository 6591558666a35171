/**
 * One figure from several processes that ran the same benchmark.
 *
 * A benchmark of a call measures a few nanoseconds, and how fast those are
 * is partly settled by V8 once per process: where its caches for the
 * plugins' call sites land, say. Two processes running the same code can
 * then give 1.05x and 1.25x, each steady over its 301 rounds. Rounds inside
 * one process cannot even that out, so such a benchmark runs in several
 * processes and each row is taken from the process whose ratio is the
 * median (for a row that counts the worst case, the largest). The row keeps
 * that process's own figures, so value, baseline and ratio still belong
 * together, and says what every process measured.
 */
import type { Measured } from '../benchmark.ts';

export function acrossProcesses(
  runs: readonly Readonly<Record<string, Measured>>[],
): Record<string, Measured> {
  const first = runs[0];
  if (first === undefined) throw new Error('no process measured anything');
  if (runs.length === 1) return { ...first };
  const rows: Record<string, Measured> = {};
  for (const id of Object.keys(first)) {
    const measured = runs.map((run) => {
      const row = run[id];
      if (row === undefined) throw new Error(`a process did not measure ${id}`);
      return row;
    });
    const byRatio = [...measured].sort((a, b) => a.ratio - b.ratio);
    const worst = (first[id] as Measured).aggregate === 'max';
    const chosen = (worst ? byRatio.at(-1) : byRatio[(byRatio.length - 1) >> 1]) as Measured;
    const ratios = measured.map((m) => `${m.ratio.toFixed(2)}x`).join(', ');
    const which = worst ? 'the largest' : 'the median';
    const note = `${which} of ${runs.length} processes (ratios ${ratios})`;
    rows[id] = {
      ...chosen,
      detail: chosen.detail === undefined ? note : `${chosen.detail}; ${note}`,
    };
  }
  return rows;
}
