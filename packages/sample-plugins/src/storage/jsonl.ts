/**
 * `jsonl:///absolute/path/samples.jsonl` — samples appended to a text file,
 * one JSON object per line. The driver for a host that wants its data
 * readable with `cat`, `grep` or `jq`, shipped by a log collector, or kept
 * with no database at all.
 *
 * A batch is checked first, sample by sample, and its valid samples are then
 * written with ONE append of their whole text, so an invalid sample leaves no
 * line behind (it is named in the InvalidSampleError) and two batches never
 * interleave. An append is not a transaction, though: a crash in the middle
 * of one can leave the first lines of a batch and a torn last line. Reading
 * skips and reports such a line (see jsonl-lines.ts). When every batch must be
 * all-or-nothing even across a crash, use the sqlite driver.
 *
 * A batch written with a message id carries it on each of its lines
 * (`"messageId"`, beside the sample's fields); the ids are read from the file
 * once, at the first such write, so a redelivered message appends nothing.
 *
 * A query reads the whole file: no index, which is the trade for a format any
 * tool can read. It suits the thousands of samples of a demo or a day's log.
 */
import { appendFile, open, readFile } from 'node:fs/promises';
import {
  InvalidSampleError,
  readSamples,
  type Sample,
  type SampleQuery,
  StorageClosedError,
  type StorageDriver,
  type StorageOptions,
  type WriteOptions,
} from '@plugin-patterns/meter-contracts';
import { readSampleLines, type SkippedLine } from './jsonl-lines.ts';
import { selectSamples } from './select-samples.ts';
import { filePathOf } from './storage-url.ts';

const RULE = {
  driver: 'JsonlStorage',
  scheme: 'jsonl',
  expected: 'jsonl:///absolute/path/to/samples.jsonl',
};

export interface JsonlStorageOptions extends StorageOptions {
  /**
   * Told about each line that reading skipped, once per line. The default
   * emits a process warning, which Node prints on stderr.
   */
  readonly onSkippedLine?: (skipped: SkippedLine) => void;
}

export type { SkippedLine } from './jsonl-lines.ts';

export class JsonlStorage implements StorageDriver {
  readonly url: string;
  readonly path: string;
  readonly #onSkippedLine: (skipped: SkippedLine) => void;
  readonly #reported = new Set<number>();
  /** Appends run one after another, in call order; close waits for the last. */
  #queue: Promise<void> = Promise.resolve();
  /** Whether the file may end in a torn line that the next append must not extend. */
  #tailUnchecked = true;
  #wrote = false;
  #closed = false;
  #skipped: readonly SkippedLine[] = [];
  /** The message ids in the file; read at the first write that names one. */
  #messageIds: Set<string> | undefined;

  constructor(options: JsonlStorageOptions) {
    this.url = options?.url;
    this.path = filePathOf(this.url, RULE);
    this.#onSkippedLine = options.onSkippedLine ?? warn;
  }

  /** The lines the latest query skipped. */
  get skippedLines(): readonly SkippedLine[] {
    return this.#skipped;
  }

  async write(samples: readonly Sample[], options: WriteOptions = {}): Promise<void> {
    this.#assertOpen('write');
    // Each sample read once into a checked copy: the valid ones are appended, the others named.
    const { samples: valid, refused } = readSamples(samples);
    const stored = valid.length > 0 ? await this.#append(valid, options.messageId) : true;
    if (stored && refused.length > 0) throw new InvalidSampleError(refused, valid.length);
  }

  /** False when the message id is in the file already: a redelivery, nothing appended. */
  async #append(samples: readonly Sample[], messageId: string | undefined): Promise<boolean> {
    const lines = samples.map((s) =>
      JSON.stringify(messageId === undefined ? s : { ...s, messageId }),
    );
    const text = `${lines.join('\n')}\n`;
    let appended = true;
    await this.#inTurn(async () => {
      if (messageId !== undefined) {
        this.#messageIds ??= readSampleLines(await readOrEmpty(this.path), this.path).messageIds;
        if (this.#messageIds.has(messageId)) {
          appended = false;
          return;
        }
      }
      // Never glue the first new line onto a torn one: start on a fresh line.
      const prefix = this.#tailUnchecked && (await endsMidLine(this.path)) ? '\n' : '';
      this.#tailUnchecked = true; // until this append is known to have finished
      await appendFile(this.path, prefix + text, 'utf8');
      this.#tailUnchecked = false;
      this.#wrote = true;
      if (messageId !== undefined) this.#messageIds?.add(messageId);
    });
    return appended;
  }

  async query(query: SampleQuery = {}): Promise<Sample[]> {
    this.#assertOpen('query');
    // Read after the appends already asked for, so a caller reads its own writes.
    await this.#queue;
    const { samples, skipped } = readSampleLines(await readOrEmpty(this.path), this.path);
    this.#skipped = skipped;
    for (const line of skipped) {
      if (this.#reported.has(line.line)) continue;
      this.#reported.add(line.line);
      this.#onSkippedLine(line);
    }
    return selectSamples(samples, query);
  }

  /** Waits for queued appends, then asks the OS to put the file on disk. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue;
    if (!this.#wrote) return;
    const handle = await open(this.path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  #inTurn(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    // A failed append fails its own caller only; the queue goes on.
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #assertOpen(operation: string): void {
    if (this.#closed) throw new StorageClosedError(RULE.driver, this.url, operation);
  }
}

async function endsMidLine(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return '';
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function warn(skipped: SkippedLine): void {
  process.emitWarning(`${skipped.file}:${skipped.line} skipped: ${skipped.reason}`, {
    code: 'METER_JSONL_SKIPPED_LINE',
  });
}
