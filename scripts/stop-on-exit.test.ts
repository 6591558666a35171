/**
 * stop-on-exit.ts in a child process with stand-in stops that print: each
 * registered stop runs once on the way out, a released one does not, and the
 * process still ends the way the signal (or the exit) ends it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs a child that registers stops a and b (and c, released), then `then`. */
async function child(then: string, signal?: NodeJS.Signals): Promise<[unknown[], string]> {
  const module = JSON.stringify(join(import.meta.dirname, 'stop-on-exit.ts'));
  const code = [
    `const { stopOnExit } = await import(${module});`,
    "stopOnExit(() => console.log('stopped a'));",
    "const release = stopOnExit(() => console.log('stopped c'));",
    "stopOnExit(() => console.log('stopped b'));",
    'release();',
    "console.log('ready');",
    then,
  ].join('\n');
  const started = spawn(process.execPath, ['--input-type=module', '-e', code]);
  let stdout = '';
  started.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (signal !== undefined && stdout === 'ready\n') started.kill(signal);
  });
  const exit = await once(started, 'exit');
  return [exit, stdout];
}

describe('stopOnExit', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'runs each stop on %s, then ends by it',
    async (signal) => {
      const [exit, stdout] = await child('setInterval(() => {}, 1 << 30);', signal);
      expect(stdout).toBe('ready\nstopped a\nstopped b\n');
      expect(exit).toEqual([null, signal]);
    },
  );

  it('runs each stop when the process exits', async () => {
    const [exit, stdout] = await child('process.exitCode = 3;');
    expect(stdout).toBe('ready\nstopped a\nstopped b\n');
    expect(exit).toEqual([3, null]);
  });

  it('leaves the signal to another listener when there is one', async () => {
    const other = "process.on('SIGTERM', () => { console.log('other'); process.exit(5); });";
    const [exit, stdout] = await child(`${other} setInterval(() => {}, 1 << 30);`, 'SIGTERM');
    expect(stdout).toBe('ready\nstopped a\nstopped b\nother\n');
    expect(exit).toEqual([5, null]);
  });
});
