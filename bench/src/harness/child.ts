/**
 * Measurements that need a process of their own: importing a module for the
 * first time (Node caches every module it has evaluated, so only a fresh
 * process imports it fresh) and memory (a process's peak RSS is its whole
 * life's). A child runs one measurement and prints one line of JSON.
 *
 * Children are started one at a time, alternating between the two sides of a
 * comparison, so that whatever else the machine is doing is shared alike.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const CHILDREN = join(import.meta.dirname, '..', 'children');

/** Runs `bench/src/children/<file>` with `args` and returns the JSON it printed last. */
export function runChild<T>(file: string, args: readonly string[]): T {
  const stdout = execFileSync(
    process.execPath,
    ['--conditions=@plugin-patterns/source', '--expose-gc', join(CHILDREN, file), ...args],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 120_000 },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
}

/** Runs `count` pairs of children, alternating which side goes first. */
export function runPairs<A, B>(
  count: number,
  first: () => A,
  second: () => B,
): { first: A[]; second: B[] } {
  const a: A[] = [];
  const b: B[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      a.push(first());
      b.push(second());
    } else {
      b.push(second());
      a.push(first());
    }
  }
  return { first: a, second: b };
}
