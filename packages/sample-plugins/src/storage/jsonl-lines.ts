/**
 * Reading a JSON Lines file of samples without trusting it. The file is
 * append-only, so the one damage to expect is a torn last line: a process
 * that died during an append leaves a line with no newline at its end. Such a
 * line, like any line that is not a valid sample, is skipped and reported,
 * never allowed to make the whole file unreadable.
 */
import { readSample as checkedCopy, type Sample } from '@plugin-patterns/meter-contracts';

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
  /** The message ids the lines carry (`messageId`, beside the sample's fields). */
  readonly messageIds: Set<string>;
}

export function readSampleLines(text: string, file: string): ReadLines {
  const lines = text.split('\n');
  // After a final newline, split leaves one empty string: not a line.
  const tail = lines.pop() ?? '';
  const samples: Sample[] = [];
  const skipped: SkippedLine[] = [];
  const messageIds = new Set<string>();
  const keep = (read: { sample: Sample; messageId: string | undefined }) => {
    samples.push(read.sample);
    if (read.messageId !== undefined) messageIds.add(read.messageId);
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const read = readSample(line);
    if (read.ok) keep(read);
    else skipped.push({ file, line: index + 1, reason: read.problem, torn: false });
  });
  // A tail that is a whole sample lost only its newline; anything else was cut short.
  if (tail.trim() !== '') {
    const read = readSample(tail);
    if (read.ok) keep(read);
    else {
      const reason = 'the last line is cut short: an append was interrupted (a crash?)';
      skipped.push({ file, line: lines.length + 1, reason, torn: true });
    }
  }
  return { samples, skipped, messageIds };
}

/** One line parsed once: the sample it holds (a copy of its fields alone), or why it holds none. */
function readSample(
  line: string,
): { ok: true; sample: Sample; messageId: string | undefined } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'it is not JSON' };
  }
  const read = checkedCopy(value);
  if (!read.ok) {
    return { ok: false, problem: `it is not a valid sample (${read.problems.join('; ')})` };
  }
  const id = (value as { messageId?: unknown }).messageId;
  return { ok: true, sample: read.sample, messageId: typeof id === 'string' ? id : undefined };
}
