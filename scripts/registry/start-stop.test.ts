/**
 * registry/start.sh and stop.sh with stand-in processes in place of Verdaccio:
 * a pid file is believed only when it names a process started with this
 * folder's config.yaml (server-pid.sh), and one start at a time runs per
 * folder. No server is started.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'server-pid-test-'));
const started: ChildProcess[] = [];
let count = 0;

/** A registry folder of its own, named the way throwawayServer names one. */
function folder(): string {
  const state = join(scratch, `server-${++count}`);
  mkdirSync(state);
  return state;
}

/** A process in a process group of its own that idles, its command line ending with `args`. */
function idler(...args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)', '--', ...args], {
    detached: true,
    stdio: 'ignore',
  });
  started.push(child);
  return child;
}

/** Whether the process runs (a zombie, killed but not yet reaped, does not). */
function runs(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function script(
  name: string,
  state: string,
  ...args: string[]
): Promise<{ stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH, PLUGIN_PATTERNS_REGISTRY_DIR: state };
  return run('bash', [join(import.meta.dirname, name), ...args], { env, encoding: 'utf8' });
}

/** A folder whose server (a stand-in) start.sh finds running. */
function running(): { state: string; server: ChildProcess } {
  const state = folder();
  const server = idler('verdaccio', '--config', join(state, 'config.yaml'));
  writeFileSync(join(state, 'pid'), `${server.pid}\n`);
  writeFileSync(join(state, 'url'), 'http://127.0.0.1:1/\n');
  writeFileSync(join(state, 'token'), 'secret');
  return { state, server };
}

const printed =
  "export PLUGIN_PATTERNS_REGISTRY_URL='http://127.0.0.1:1/'\n" +
  "export PLUGIN_PATTERNS_REGISTRY_TOKEN='secret'\n";

/** What server_pid prints for the folder (empty when it refuses the pid file). */
async function serverPid(state: string): Promise<string> {
  const steps = `. '${join(import.meta.dirname, 'server-pid.sh')}'; state="$1"; server_pid || echo refused`;
  const { stdout } = await run('bash', ['-c', steps, 'bash', state], { encoding: 'utf8' });
  return stdout.trim();
}

afterEach(() => {
  for (const child of started.splice(0)) if (child.pid !== undefined) child.kill('SIGKILL');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('registry start.sh and stop.sh', () => {
  it('refuses what is not a pid above 1, or a process without this folder in its command line', async () => {
    const state = folder();
    for (const text of ['', '1', '0', '-1', '12 34', 'abc', `${process.pid}`]) {
      writeFileSync(join(state, 'pid'), text);
      expect(await serverPid(state)).toBe('refused');
    }
    const ours = idler('verdaccio', '--config', join(state, 'config.yaml'));
    writeFileSync(join(state, 'pid'), `${ours.pid}\n`);
    expect(await serverPid(state)).toBe(`${ours.pid}`);
  });

  it('stop.sh leaves alone the process group a stale pid file names, and removes the folder', async () => {
    const state = folder();
    const other = idler('verdaccio', '--config', join(scratch, 'elsewhere', 'config.yaml'));
    writeFileSync(join(state, 'pid'), `${other.pid}\n`);
    await script('stop.sh', state);
    expect(existsSync(state)).toBe(false);
    expect(runs(other.pid ?? 0)).toBe(true);
  });

  it("stop.sh stops the process group of this folder's server", async () => {
    const state = folder();
    const ours = idler('verdaccio', '--config', join(state, 'config.yaml'));
    writeFileSync(join(state, 'pid'), `${ours.pid}\n`);
    const exited = once(ours, 'exit');
    await script('stop.sh', state);
    expect(await exited).toEqual([null, 'SIGTERM']);
    expect(existsSync(state)).toBe(false);
  });

  it('start.sh finds a server of this folder already running and prints its lines', async () => {
    const { state, server } = running();
    const { stdout, stderr } = await script('start.sh', state);
    expect(stderr).toContain('already running');
    expect(stdout).toBe(printed);
    expect(runs(server.pid ?? 0)).toBe(true);
  });

  it('start.sh accepts --no-install, which changes nothing, and refuses other arguments', async () => {
    const { state } = running();
    expect((await script('start.sh', state, '--no-install')).stdout).toBe(printed);
    await expect(script('start.sh', state, '--fast')).rejects.toMatchObject({
      code: 2,
      stderr: 'usage: bash scripts/registry/start.sh [--no-install]\n',
    });
  });

  it('start.sh waits for the lock a start in the same folder holds', async () => {
    const { state } = running();
    // Holds the folder's lock, as a start under way does, until its stdin closes.
    const holder = spawn('bash', [
      '-c',
      'exec 9>"$1"; flock 9; echo held; read -r _',
      'bash',
      `${state}.lock`,
    ]);
    started.push(holder);
    await once(holder.stdout, 'data');
    let done = false;
    const second = script('start.sh', state).finally(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(done).toBe(false);
    holder.stdin.end();
    expect((await second).stdout).toBe(printed);
  });
});
