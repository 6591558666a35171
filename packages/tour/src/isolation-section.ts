/**
 * The tour's Isolation section: every untrusted plugin (`meter.untrusted`,
 * from @plugin-patterns/isolation) run three ways, in the host's process, in
 * a worker thread and in a child process under the permission model, and
 * what each way survives. The in-process host is a process of its own per
 * plugin (`isolation-in-process-run.ts`): what happens to it would happen to
 * the tour. The worker and child columns are run here. Every cell is read
 * from what happened (the in-process host's exit, the isolated plugin's
 * record), never written in advance.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Isolation, type IsolationMode, isolation } from '@plugin-patterns/isolation';
import {
  UNTRUSTED_NAMESPACE,
  UNTRUSTED_PLUGINS,
  untrustedPlugins,
} from '@plugin-patterns/isolation/untrusted-plugins';
import { type Extension, ExtensionSet } from '@plugin-patterns/loader';
import { runInProcess } from './isolation-in-process-run.ts';

export interface IsolationRow {
  readonly plugin: string;
  readonly inProcess: string;
  readonly worker: string;
  readonly child: string;
}

export interface IsolationComparison {
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly rows: readonly IsolationRow[];
  /** Whether the honest plugin still answers, in each mode, after all the others ran. */
  readonly afterwards: { readonly worker: boolean; readonly child: boolean };
}

interface Snoop {
  poll(): Promise<unknown>;
  read(path: string): Promise<unknown>;
}

// Long enough for eats-memory to reach its heap limit first on a busy machine.
const TIMEOUT_MS = 1000;
const MEMORY_MB = 16;

export async function compareIsolation(): Promise<IsolationComparison> {
  const folder = mkdtempSync(join(tmpdir(), 'tour-isolation-'));
  const secret = join(folder, 'secret.txt');
  writeFileSync(secret, 's3cret');
  try {
    // One host at a time: a host that spins or fills its heap must not starve the others
    // of the CPU while they are timed.
    const inProcess: string[] = [];
    for (const name of UNTRUSTED_PLUGINS) {
      inProcess.push(await runInProcess(name, secret, { memoryMb: MEMORY_MB }));
    }
    const worker = await runIsolated('worker', secret);
    const child = await runIsolated('child', secret);
    const rows = UNTRUSTED_PLUGINS.map((plugin, i) => ({
      plugin,
      inProcess: inProcess[i] ?? '',
      worker: worker.cells[i] ?? '',
      child: child.cells[i] ?? '',
    }));
    const afterwards = { worker: worker.steadyAfter, child: child.steadyAfter };
    return { timeoutMs: TIMEOUT_MS, memoryMb: MEMORY_MB, rows, afterwards };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Each plugin called twice (the second call finds out how the first ended), then the honest one once more. */
async function runIsolated(
  mode: IsolationMode,
  secret: string,
): Promise<{ cells: string[]; steadyAfter: boolean }> {
  const isolated: Isolation<Snoop> = isolation<Snoop>({
    mode,
    timeoutMs: TIMEOUT_MS,
    memoryMb: MEMORY_MB,
  });
  try {
    const set = ExtensionSet.discover<Snoop>({
      namespace: UNTRUSTED_NAMESPACE,
      sources: [untrustedPlugins()],
      importer: isolated.importer,
      integration: isolated.integration,
    });
    await set.loadAll();
    // One at a time, so that no plugin's time limit runs while another one spins.
    const cells: string[] = [];
    for (const extension of set.extensions) {
      const answered = await callOnce(extension, secret);
      await callOnce(extension, secret);
      cells.push(isolatedCell(extension, answered));
    }
    const steady = set.extensions.find((e) => e.name === 'steady');
    const steadyAfter = steady !== undefined && (await callOnce(steady, secret));
    return { cells, steadyAfter };
  } finally {
    await isolated.close();
  }
}

function callOnce(extension: Extension<Snoop>, secret: string): Promise<boolean> {
  if (!extension.isReady) return Promise.resolve(false);
  const plugin = extension.object;
  const answer = extension.name === 'reads-secrets' ? plugin.read(secret) : plugin.poll();
  return answer.then(
    () => true,
    () => false,
  );
}

/** What the record says happened, in a few words. */
function isolatedCell(extension: Extension<Snoop>, answered: boolean): string {
  const story = extension.history.map((entry) => entry.detail).join('\n');
  const then = answered ? 'answered; died: ' : '';
  if (/did not finish .* within/.test(story)) return `stopped at ${TIMEOUT_MS} ms`;
  if (story.includes('out of memory')) return `out of memory (${MEMORY_MB} MB)`;
  if (story.includes('uncaught exception')) return `${then}uncaught`;
  if (story.includes('unhandled rejection')) return `${then}rejection`;
  const exited = /exited with code (\d+)/.exec(story);
  if (exited !== null) return `exited (code ${exited[1]})`;
  if (story.includes('has been restricted')) return 'refused: no permission';
  if (!answered) return 'failed';
  return extension.name === 'reads-secrets' ? "read the host's secret" : 'answered';
}

/** The section as text: one row per plugin, one column per way of running it. */
export function renderIsolation(
  result: IsolationComparison,
  c: { readonly bold: (text: string) => string; readonly dim: (text: string) => string },
): string {
  const widths = [20, 27, 26, 26];
  const row = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('')
      .trimEnd();
  const alive = (yes: boolean) => (yes ? 'yes' : 'NO');
  return [
    c.bold(row(['plugin', 'in the host process', 'in a worker thread', 'in a child process'])),
    ...result.rows.map((r) => row([r.plugin, r.inProcess, r.worker, r.child])),
    '',
    `Isolated: a ${result.timeoutMs} ms time limit per call, a ${result.memoryMb} MB heap, restart: never.`,
    `After all of them, steady still answers: worker ${alive(result.afterwards.worker)}, child ${alive(result.afterwards.child)}; the host was never touched.`,
    c.dim(
      'In the host process, each plugin ran in a host of its own: any of them would have stopped this tour.',
    ),
    '',
  ].join('\n');
}
