/**
 * Fresh processes that run the built packages, as users run them: the hosts
 * in `bench/src/built/` are plain JavaScript, started without the
 * `@plugin-patterns/source` condition, so every `@plugin-patterns/*` import
 * resolves to `dist/` and nothing in the process strips types.
 *
 * `requireBuild` refuses to measure without a build, and warns of a stale
 * one: `pnpm bench` builds first (its script runs `turbo run build`); a run
 * started some other way after an edit is told it measures older code. Only
 * a warning, so that a long run is not thrown away for an edit made while it ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

const HOSTS = join(import.meta.dirname, '..', 'built');
const PACKAGES = join(import.meta.dirname, '..', '..', '..', 'packages');

/** What a host prints: milliseconds since its start when ready and when done, and what it did. */
export interface HostResult {
  readonly ready: number;
  readonly done: number;
  readonly evaluated?: number;
  readonly [key: string]: unknown;
}

export interface TimedHost {
  /** From spawn to exit, as the parent saw it. */
  readonly ms: number;
  readonly result: HostResult;
}

/** Runs `bench/src/built/<host>` (or a host at an absolute path) in a fresh process, timed from spawn to exit. */
export function runBuilt(
  host: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): TimedHost {
  const started = process.hrtime.bigint();
  const file = isAbsolute(host) ? host : join(HOSTS, host);
  const run = spawnSync(process.execPath, [...nodeFlags, file, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) {
    throw new Error(`${host} ${args.join(' ')} exited with ${run.status}:\n${run.stderr}`);
  }
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return { ms, result: JSON.parse(last) as HostResult };
}

/**
 * Throws unless each package's `dist/` exists; warns (on stderr) when a
 * source file is newer than it, unless only its existence is asked for.
 */
export function requireBuild(packages: readonly string[], existsOnly = false): void {
  for (const folder of packages) {
    const root = join(PACKAGES, folder);
    const entry = join(root, 'dist', 'index.js');
    if (!existsSync(entry)) {
      throw new Error(`${entry} is missing: run "pnpm build" first (pnpm bench does)`);
    }
    if (existsOnly) continue;
    const built = statSync(entry).mtimeMs;
    const newer = sourceFiles(join(root, 'src')).find((file) => statSync(file).mtimeMs > built);
    if (newer !== undefined) {
      process.stderr.write(
        `  warning: ${newer} is newer than ${entry}: this run measures the last build (pnpm bench builds first)\n`,
      );
    }
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(
      (path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !/(^|\/)test-/.test(path),
    )
    .map((path) => join(dir, path));
}
