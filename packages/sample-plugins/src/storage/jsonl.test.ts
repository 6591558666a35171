import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvalidSampleError,
  InvalidStorageUrlError,
  runStorageConformance,
  StorageClosedError,
} from '@plugin-patterns/meter-contracts';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { JsonlStorage, type SkippedLine } from './jsonl.ts';
import { sample } from './test-samples.ts';

// Wraps the real appendFile so a test can count the calls; behaviour is unchanged.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, appendFile: vi.fn(real.appendFile) };
});

const dir = mkdtempSync(join(tmpdir(), 'meter-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

let files = 0;
const newPath = () => join(dir, `samples-${++files}.jsonl`);
/** A store that collects what it skips instead of warning. */
function open(path: string, skipped: SkippedLine[] = []) {
  return new JsonlStorage({ url: `jsonl://${path}`, onSkippedLine: (s) => skipped.push(s) });
}

// Each check gets a new file; `reopen` opens the latest one again.
let latest = '';
const openNew = () => {
  latest = newPath();
  return open(latest);
};
runStorageConformance(openNew, { describe, it }, { reopen: () => open(latest) });

describe('JsonlStorage file format', () => {
  it('appends one JSON line per sample, a whole batch in one append', async () => {
    const path = newPath();
    const store = open(path);
    const appendFile = vi.mocked(fsPromises.appendFile);
    appendFile.mockClear();
    await store.write([sample(1), sample(2), sample(3)]);
    await store.write([sample(4)]);
    await store.close();
    expect(appendFile).toHaveBeenCalledTimes(2);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual([1, 2, 3, 4].map((at) => sample(at)));
  });

  it('appends the valid samples of a batch; an invalid one leaves no line', async () => {
    const path = newPath();
    const store = open(path);
    await store.write([sample(1)]);
    const before = readFileSync(path, 'utf8');
    const refused = store.write([sample(2), { ...sample(3), meter: '' }]);
    await expect(refused).rejects.toThrow(InvalidSampleError);
    expect(readFileSync(path, 'utf8')).toBe(`${before}${JSON.stringify(sample(2))}\n`);
    await store.close();
  });

  it('flushes on close the writes that were not awaited', async () => {
    const path = newPath();
    const store = open(path);
    void store.write([sample(1)]);
    void store.write([sample(2)]);
    await store.close();
    expect(readFileSync(path, 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  it('reads a file that does not exist yet as an empty store', async () => {
    expect(await open(join(dir, 'never-written.jsonl')).query()).toEqual([]);
  });
});

describe('JsonlStorage after a crash in the middle of an append', () => {
  it('skips and reports a torn last line, once, and reads the rest', async () => {
    const path = newPath();
    const skipped: SkippedLine[] = [];
    const store = open(path, skipped);
    await store.write([sample(1), sample(2)]);
    appendFileSync(path, '{"meter":"cpu.util","ty'); // the process died here
    expect((await store.query()).map((s) => s.volume)).toEqual([1, 2]);
    await store.query();
    expect(skipped).toEqual([
      { file: path, line: 3, reason: expect.stringContaining('cut short'), torn: true },
    ]);
    expect(store.skippedLines).toHaveLength(1);
  });

  it('starts the next append on a new line, so the torn line damages nothing after it', async () => {
    const path = newPath();
    writeFileSync(path, `${JSON.stringify(sample(1))}\n{"meter":"cpu`);
    const skipped: SkippedLine[] = [];
    const store = open(path, skipped);
    await store.write([sample(2)]);
    expect((await store.query()).map((s) => s.volume)).toEqual([1, 2]);
    expect(skipped).toEqual([{ file: path, line: 2, reason: 'it is not JSON', torn: false }]);
    await store.close();
  });

  it('keeps a last line that lost only its newline', async () => {
    const path = newPath();
    writeFileSync(path, JSON.stringify(sample(1)));
    const skipped: SkippedLine[] = [];
    expect((await open(path, skipped).query()).map((s) => s.volume)).toEqual([1]);
    expect(skipped).toEqual([]);
  });

  it('warns through process.emitWarning when no callback is given', async () => {
    const path = newPath();
    writeFileSync(path, `${JSON.stringify(sample(1))}\n{"torn`);
    const emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    await new JsonlStorage({ url: `jsonl://${path}` }).query();
    expect(emitWarning).toHaveBeenCalledWith(
      `${path}:2 skipped: the last line is cut short: an append was interrupted (a crash?)`,
      { code: 'METER_JSONL_SKIPPED_LINE' },
    );
  });
});

describe('JsonlStorage URL and lifecycle', () => {
  it.each(['jsonl://samples.jsonl', 'jsonl:samples.jsonl', 'file:///tmp/x.jsonl'])(
    'refuses %s, naming it and what is expected',
    (url) => {
      const make = () => new JsonlStorage({ url });
      expect(make).toThrow(InvalidStorageUrlError);
      expect(make).toThrow(`"${url}"`);
      expect(make).toThrow('expected jsonl:///absolute/path/to/samples.jsonl');
    },
  );

  it('refuses to write after close with StorageClosedError', async () => {
    const store = open(newPath());
    await store.close();
    await expect(store.write([sample(1)])).rejects.toThrow(StorageClosedError);
  });
});

describe('JsonlStorage and message ids', () => {
  it('keeps the id on each line, reads it back after a reopen, and stores a redelivery once', async () => {
    const path = newPath();
    const first = open(path);
    await first.write([sample(1), sample(2)], { messageId: 'm-1' });
    await first.close();
    const line = JSON.parse(readFileSync(path, 'utf8').split('\n')[0] as string);
    expect(line.messageId).toBe('m-1');
    const again = open(path);
    await again.write([sample(1), sample(2)], { messageId: 'm-1' });
    await again.write([sample(3)], { messageId: 'm-2' });
    const stored = await again.query();
    expect(stored.map((s) => s.volume)).toEqual([1, 2, 3]);
    expect(Object.keys(stored[0] as object)).not.toContain('messageId');
    await again.close();
  });
});
