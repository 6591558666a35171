import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure, type ExampleRun, runExample } from './run-example.ts';

// Real programs under test-fixtures/, run the way the docs tests run examples.
const cwd = resolve(import.meta.dirname, 'test-fixtures');

describe('runExample and describeFailure', () => {
  it('finds nothing wrong with an example that exits 0', async () => {
    const run = await runExample('prints.ts', { cwd });
    expect(run).toMatchObject({ code: 0, signal: null, stdout: 'hello\n', timedOut: false });
    expect(describeFailure(run)).toBeUndefined();
  });

  it('reports the exit code and stderr of an example that fails', async () => {
    const run = await runExample('exits-2.ts', { cwd });
    expect(describeFailure(run)).toBe('exits-2.ts failed (exit 2):\nbroken on purpose');
  });

  it('names the signal that killed an example, which has no exit code', async () => {
    const run = await runExample('killed.ts', { cwd });
    expect(run).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: false });
    expect(describeFailure(run)).toBe('killed.ts was killed by SIGKILL');
  });

  it('says an example that hung was killed by the time limit', async () => {
    const run = await runExample('hangs.ts', { cwd, timeoutMs: 500 });
    expect(run).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: true });
    expect(describeFailure(run)).toBe('hangs.ts timed out and was killed by SIGKILL');
  });

  it('names any other signal as it came', () => {
    const run: ExampleRun = {
      file: 'docs/examples/x.ts',
      code: null,
      signal: 'SIGTERM',
      stdout: '',
      stderr: 'partial\n',
      timedOut: false,
    };
    expect(describeFailure(run)).toBe('docs/examples/x.ts was killed by SIGTERM:\npartial');
  });
});
