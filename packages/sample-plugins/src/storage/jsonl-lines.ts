/**
 * Reading a JSON Lines file of samples without trusting it. The file is
 * append-only, so the one damage to expect is a torn last line: a process
 * that died during an append leaves a line with no newline at its end. Such a
 * line, like any line that is not a valid sample, is skipped and reported,
 * never allowed to make the whole file unreadable.
 */
import { type Sample, sampleProblems } from '@plugin-patterns/meter-contracts';

export interface SkippedLine {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly reason: string;
  /** The last line, without its newline: an append that was interrupted. */
  readonly torn: boolean;
}

export interface ReadLines {
  readonly samples: Sample[];
  readonly skipped: SkippedLine[];
}

export function readSampleLines(text: string, file: string): ReadLines {
  const lines = text.split('\n');
  // After a final newline, split leaves one empty string: not a line.
  const tail = lines.pop() ?? '';
  const samples: Sample[] = [];
  const skipped: SkippedLine[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const read = readSample(line);
    if (read.ok) samples.push(read.sample);
    else skipped.push({ file, line: index + 1, reason: read.problem, torn: false });
  });
  // A tail that is a whole sample lost only its newline; anything else was cut short.
  if (tail.trim() !== '') {
    const read = readSample(tail);
    if (read.ok) samples.push(read.sample);
    else {
      const reason = 'the last line is cut short: an append was interrupted (a crash?)';
      skipped.push({ file, line: lines.length + 1, reason, torn: true });
    }
  }
  return { samples, skipped };
}

/** One line parsed once: the sample it holds, or why it holds none. */
function readSample(line: string): { ok: true; sample: Sample } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'it is not JSON' };
  }
  const problems = sampleProblems(value);
  if (problems.length === 0) return { ok: true, sample: value as Sample };
  return { ok: false, problem: `it is not a valid sample (${problems.join('; ')})` };
}
