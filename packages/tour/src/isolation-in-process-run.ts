/**
 * The "in the host process" column of the tour's Isolation section: runs
 * `isolation-in-process.ts`, a host that loads one untrusted plugin the
 * essay's way, as a process of its own, and reads what became of that host
 * from its exit, its output and its standard error. A host whose plugin spins
 * is killed after HUNG_AFTER_MS: that is the tour stepping in, and the cell
 * says so.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { UntrustedPlugin } from '@plugin-patterns/isolation/untrusted-plugins';

/** How long the in-process host may spin before the tour stops it. */
const HUNG_AFTER_MS = 2000;
const IN_PROCESS = new URL(
  import.meta.url.endsWith('.ts') ? './isolation-in-process.ts' : './isolation-in-process.js',
  import.meta.url,
);

/** Runs the in-process host for one plugin, and says what became of that host. */
export function runInProcess(
  name: UntrustedPlugin,
  secret: string,
  options: { memoryMb: number },
): Promise<string> {
  // The tour's own export conditions (in this workspace: the packages' sources), in either spelling.
  const conditions = process.execArgv.flatMap((arg, i, all) =>
    arg.startsWith('--conditions=') ? [arg] : arg === '--conditions' ? [arg, all[i + 1] ?? ''] : [],
  );
  const host = spawn(
    process.execPath,
    [
      ...conditions,
      `--max-old-space-size=${options.memoryMb * 2}`,
      fileURLToPath(IN_PROCESS),
      name,
      secret,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let hung = false;
  let timer: NodeJS.Timeout | undefined;
  host.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (timer === undefined && stdout.includes('calling\n')) {
      timer = setTimeout(() => {
        hung = true;
        host.kill('SIGKILL');
      }, HUNG_AFTER_MS);
    }
  });
  host.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    host.on('close', (code) => {
      clearTimeout(timer);
      resolve(inProcessCell(name, { stdout, stderr, code, hung }));
    });
  });
}

function inProcessCell(
  name: UntrustedPlugin,
  run: { stdout: string; stderr: string; code: number | null; hung: boolean },
): string {
  if (run.hung) return 'host hung; tour killed it';
  if (run.stderr.includes('heap out of memory')) return 'host out of memory';
  if (run.stderr.includes('host crashed: uncaughtException')) return 'host crashed: uncaught';
  if (run.stderr.includes('host crashed: unhandledRejection')) return 'host crashed: rejection';
  const result = /^answered: (true|false), polluted: (true|false)$/m.exec(run.stdout);
  if (result === null) return `host exited (code ${run.code})`;
  if (result[2] === 'true') return "host's globals polluted";
  if (result[1] !== 'true') return 'failed';
  return name === 'reads-secrets' ? "read the host's secret" : 'answered';
}
