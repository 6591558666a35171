/**
 * throwaway-server.ts with real scripts: a server the environment names, a
 * PostgreSQL started and stopped for the run (by stop(), or by the end of the
 * process that started it), and a start that fails. Each case has a temp folder
 * of its own as TMPDIR, so what the helper leaves is seen.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throwawayServer } from './throwaway-server.ts';

let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'throwaway-server-test-'));
  chmodSync(scratch, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach it
  vi.stubEnv('TMPDIR', scratch);
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(scratch, { recursive: true, force: true });
});

/** The helper's folders left in the scratch TMPDIR (Node.js may keep a compile cache there too). */
function leftOver(): string[] {
  return readdirSync(scratch).filter((name) => name.startsWith('plugin-patterns-'));
}

/** Whether something listens on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('throwawayServer', () => {
  it('takes the server the environment names, and starts and stops nothing', async () => {
    const env = {
      PLUGIN_PATTERNS_REGISTRY_URL: 'http://127.0.0.1:1/',
      PLUGIN_PATTERNS_REGISTRY_TOKEN: 'secret',
    };
    const server = await throwawayServer('registry', { env });
    expect(server.url).toBe('http://127.0.0.1:1/');
    expect(server.values).toEqual(env);
    expect(server.folder).toBeUndefined();
    await server.stop();
    expect(leftOver()).toEqual([]);
  });

  it('starts a server in a temp folder of its own, and stop() stops it and removes the folder', async () => {
    const exitListeners = process.listenerCount('exit');
    // An empty variable names no server: the helper starts one, as on a developer's machine.
    const server = await throwawayServer('postgres', { env: { PLUGIN_PATTERNS_POSTGRES_URL: '' } });
    const port = Number(new URL(server.url).port);
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${port}/plugin_patterns`);
    expect(server.folder?.startsWith(join(scratch, 'plugin-patterns-postgres-'))).toBe(true);
    expect(await listening(port)).toBe(true);
    // Until stop(), the process stops it should it end first; stop() takes that back.
    expect(process.listenerCount('exit')).toBe(exitListeners + 1);
    await server.stop();
    expect(process.listenerCount('exit')).toBe(exitListeners);
    expect(await listening(port)).toBe(false);
    expect(leftOver()).toEqual([]);
  }, 60_000);

  // A process that starts a PostgreSQL, prints its URL, then idles (or, with `end`, ends).
  async function starter(end: boolean): Promise<{ port: number; exit: Promise<unknown[]> }> {
    const module = JSON.stringify(join(import.meta.dirname, 'throwaway-server.ts'));
    const code = [
      `const { throwawayServer } = await import(${module});`,
      'const server = await throwawayServer("postgres");',
      'console.log(server.url);',
      end ? '' : 'setInterval(() => {}, 1 << 30);',
    ].join('\n');
    const env = { ...process.env, PLUGIN_PATTERNS_POSTGRES_URL: '' };
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { env });
    const exit = once(child, 'exit');
    const [url] = (await once(child.stdout, 'data')) as [Buffer];
    const port = Number(new URL(url.toString().trim()).port);
    if (!end) {
      expect(await listening(port)).toBe(true);
      child.kill('SIGTERM');
    }
    return { port, exit };
  }

  it('stops the server when the process that started it is ended by SIGTERM', async () => {
    const { port, exit } = await starter(false);
    // The process still ends as SIGTERM ends it.
    expect(await exit).toEqual([null, 'SIGTERM']);
    expect(await listening(port)).toBe(false);
    expect(leftOver()).toEqual([]);
  }, 60_000);

  it('stops the server when the process that started it ends without calling stop()', async () => {
    const { port, exit } = await starter(true);
    expect(await exit).toEqual([0, null]);
    expect(await listening(port)).toBe(false);
    expect(leftOver()).toEqual([]);
  }, 60_000);

  it('rejects with what start.sh said and the command to run, and leaves no folder', async () => {
    // npm may not reach the registry and has no Verdaccio cached: start.sh cannot get it.
    const cache = join(scratch, 'npm-cache');
    const env = {
      PLUGIN_PATTERNS_REGISTRY_URL: '',
      npm_config_offline: 'true',
      npm_config_cache: cache,
    };
    const started = throwawayServer('registry', { env });
    await expect(started).rejects.toThrow(
      /^PLUGIN_PATTERNS_REGISTRY_URL and PLUGIN_PATTERNS_REGISTRY_TOKEN are not set and no server could be started \(.*ENOTCACHED[\s\S]*\)\. Run: eval "\$\(bash scripts\/registry\/start\.sh\)"$/,
    );
    expect(leftOver()).toEqual([]);
  });
});
