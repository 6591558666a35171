/**
 * Runs an example program the way a reader would, from the repository root:
 * `node --conditions=@plugin-patterns/source docs/examples/<area>/<file>.ts`.
 * The source condition makes the workspace packages resolve to their `src/`,
 * so the docs always run against the code as it is now, not a stale build.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface ExampleRun {
  readonly file: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface RunOptions {
  /** The folder the command runs in; paths are relative to it. */
  readonly cwd: string;
  readonly timeoutMs?: number;
}

/** Runs one example (`docs/examples/...`, relative to `cwd`) and collects what it printed. */
export function runExample(file: string, options: RunOptions): Promise<ExampleRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  // Colour codes would make the printed output differ from the page.
  delete env.FORCE_COLOR;
  const child = spawn(process.execPath, ['--conditions=@plugin-patterns/source', file], {
    cwd: resolve(options.cwd),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 30_000);
  return new Promise((done, fail) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      done({
        file,
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
      });
    });
  });
}

/**
 * What went wrong with a run, with what the example wrote to stderr, or
 * undefined when it exited 0. A killed process has no exit code, only the
 * signal, so the signal is named: "exit null" would hide why it stopped.
 */
export function describeFailure(run: ExampleRun): string | undefined {
  let what: string;
  if (run.timedOut) what = `timed out and was killed by ${run.signal ?? 'SIGKILL'}`;
  else if (run.signal !== null) what = `was killed by ${run.signal}`;
  else if (run.code !== 0) what = `failed (exit ${run.code})`;
  else return undefined;
  const stderr = run.stderr.trimEnd();
  return stderr === '' ? `${run.file} ${what}` : `${run.file} ${what}:\n${stderr}`;
}

/** Maps `items` through `task` with at most `limit` running at once, keeping order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
