/**
 * A throwaway server for one run (RabbitMQ, PostgreSQL or the npm registry
 * Verdaccio), for the bench's bus rows, the bus tests and the release check.
 *
 * When the variables the server's start script would print are already set
 * (CI starts each server once for the whole run), those are the server and
 * there is nothing to stop. Otherwise scripts/NAME/start.sh starts one in a
 * temp folder made for this run alone, so two runs at once never share a
 * server, and stop() runs scripts/NAME/stop.sh and removes the folder. Should
 * the process end first (Ctrl-C), it does so on the way out (stop-on-exit.ts).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stopOnExit } from './stop-on-exit.ts';

const run = promisify(execFile);

/** Each server: the variable that names its folder, and the variables its start.sh prints. */
const SERVERS = {
  rabbitmq: { folder: 'PLUGIN_PATTERNS_AMQP_DIR', prints: ['PLUGIN_PATTERNS_AMQP_URL'] },
  postgres: { folder: 'PLUGIN_PATTERNS_POSTGRES_DIR', prints: ['PLUGIN_PATTERNS_POSTGRES_URL'] },
  registry: {
    folder: 'PLUGIN_PATTERNS_REGISTRY_DIR',
    prints: ['PLUGIN_PATTERNS_REGISTRY_URL', 'PLUGIN_PATTERNS_REGISTRY_TOKEN'],
  },
} as const;

export type ServerName = keyof typeof SERVERS;

export interface ThrowawayServer {
  /** The first variable start.sh prints: the server's URL. */
  readonly url: string;
  /** Every variable start.sh prints (the registry's token too), by name. */
  readonly values: Readonly<Record<string, string>>;
  /** The temp folder the server lives in; undefined for a server the environment named. */
  readonly folder: string | undefined;
  stop(): Promise<void>;
}

export interface ThrowawayOptions {
  /** Added to this process's environment, for the scripts (and read for the variables). */
  readonly env?: NodeJS.ProcessEnv;
  /** Let start.sh install the Debian package it needs (root or sudo); false by default. */
  readonly install?: boolean;
}

/**
 * The server the environment names, or one started for this run. Rejects,
 * with start.sh's error and the command to run by hand, when none can be started.
 */
export async function throwawayServer(
  name: ServerName,
  options: ThrowawayOptions = {},
): Promise<ThrowawayServer> {
  const { folder: folderVariable, prints } = SERVERS[name];
  const base = { ...process.env, ...options.env };
  const given = valuesIn(base, prints);
  if (given !== undefined) return { url: given.url, values: given.values, folder: undefined, stop };

  const folder = mkdtempSync(join(tmpdir(), `plugin-patterns-${name}-`));
  // As root, PostgreSQL runs as the postgres user, who must reach the folder.
  chmodSync(folder, 0o755);
  const env = { ...base, [folderVariable]: join(folder, 'server') };
  const script = (file: string) => join(import.meta.dirname, name, file);
  try {
    const args = options.install === true ? [] : ['--no-install'];
    const { stdout } = await run('bash', [script('start.sh'), ...args], { env });
    const printed = valuesIn(exportsIn(stdout), prints);
    if (printed === undefined) throw new Error(`start.sh printed no ${prints.join(' and ')}`);
    const release = stopOnExit(() => {
      try {
        execFileSync('bash', [script('stop.sh')], { env, stdio: 'ignore' });
      } catch {
        // The process is ending: the folder goes all the same.
      }
      rmSync(folder, { recursive: true, force: true });
    });
    const stopStarted = async () => {
      release();
      try {
        await run('bash', [script('stop.sh')], { env });
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    };
    return { url: printed.url, values: printed.values, folder, stop: stopStarted };
  } catch (error) {
    // start.sh may have got as far as a running server: stop.sh stops whatever it finds.
    await run('bash', [script('stop.sh')], { env }).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
    const detail =
      error instanceof Error ? (error as { stderr?: string }).stderr || error.message : '';
    throw new Error(
      `${prints.join(' and ')} ${prints.length > 1 ? 'are' : 'is'} not set and no server ` +
        `could be started (${detail.trim()}). Run: eval "$(bash scripts/${name}/start.sh)"`,
    );
  }
}

/** The `export NAME='value'` lines a start script prints, by name. */
function exportsIn(stdout: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, key, value] of stdout.matchAll(/^export (\w+)='([^']*)'$/gm)) {
    if (key !== undefined && value !== undefined) found[key] = value;
  }
  return found;
}

/** The values of `names` in `from` (the first is the URL), when every one is there and not empty. */
function valuesIn(
  from: Record<string, string | undefined>,
  names: readonly [string, ...string[]],
): { url: string; values: Record<string, string> } | undefined {
  const values: Record<string, string> = {};
  for (const key of names) {
    const value = from[key];
    if (value === undefined || value === '') return undefined;
    values[key] = value;
  }
  return { url: values[names[0]] ?? '', values };
}

async function stop(): Promise<void> {}
