/**
 * throwaway-server.ts with real scripts: a server the environment names, a
 * PostgreSQL started and stopped for the run, and a start that fails. Each case
 * has a temp folder of its own as TMPDIR, so what the helper leaves is seen.
 */
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
    // An empty variable names no server: the helper starts one, as on a developer's machine.
    const server = await throwawayServer('postgres', { env: { PLUGIN_PATTERNS_POSTGRES_URL: '' } });
    const port = Number(new URL(server.url).port);
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${port}/plugin_patterns`);
    expect(server.folder?.startsWith(join(scratch, 'plugin-patterns-postgres-'))).toBe(true);
    expect(await listening(port)).toBe(true);
    await server.stop();
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
