/**
 * A child process as the place a plugin runs, under Node's permission model.
 * It is a process of its own: it survives what a worker survives (a loop, an
 * exit, a crash, a polluted global, a full heap) and adds what a worker cannot
 * give, narrower rights than the host's. With `--permission` the child may
 * read only the files it is granted (this package's `plugin-side` file, the
 * plugin's own package, and the paths the host adds), and may not write, start
 * processes or workers, load addons or open the inspector.
 *
 * What the permission model does not cover in Node 24: the network (a plugin
 * can still open sockets) and the environment variables it inherits; pass
 * `env` with care. Starting a child costs tens of milliseconds and tens of MB:
 * a whole Node process.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Channel, type ChannelEnd, type ChannelOptions, PLUGIN_SIDE } from './channel.ts';
import type { FromPlugin } from './wire.ts';

export interface ChildChannelOptions extends ChannelOptions {
  /** Files and folders the child may read besides its own code. */
  readonly allowRead: readonly string[];
}

/** How much of the child's standard error is kept, to say why it crashed. */
const STDERR_KEPT = 4096;

export function startChild(options: ChildChannelOptions): Channel {
  const pluginSide = fileURLToPath(PLUGIN_SIDE);
  const execArgv = [
    ...hostConditions(),
    '--permission',
    ...[pluginSide, ...options.allowRead].map((path) => `--allow-fs-read=${path}`),
    ...(options.memoryMb === undefined ? [] : [`--max-old-space-size=${options.memoryMb}`]),
  ];
  const child = fork(pluginSide, [], {
    execArgv,
    // Structured clone, as between threads: the same values cross either way.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
  });
  unref(child);
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError ??= error;
  });
  return {
    label: `child process ${child.pid ?? '(not started)'}`,
    send: (message) => {
      child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromPlugin)),
    onEnd: (listener) =>
      child.once('close', (code, signal) =>
        listener(endOf(code, signal, stderr, spawnError, options.memoryMb)),
      ),
    stop: () => {
      // Held again until it has ended: a host waiting for that end has nothing else to wait on.
      child.ref();
      // Its end is told at 'close', once its standard error has been read to the end.
      (child.stderr as { ref?: () => void } | null)?.ref?.();
      child.kill('SIGKILL');
    },
  };
}

/**
 * The host's own `--conditions`, so the child resolves the plugin's imports
 * as the host would (in this workspace, to the packages' TypeScript sources).
 */
function hostConditions(): string[] {
  const flags: string[] = [];
  process.execArgv.forEach((arg, i) => {
    if (arg.startsWith('--conditions=')) flags.push(arg);
    else if ((arg === '--conditions' || arg === '-C') && i + 1 < process.execArgv.length) {
      flags.push(`--conditions=${process.execArgv[i + 1]}`);
    }
  });
  return flags;
}

/** An idle child does not keep the host alive; a pending call's time limit does. */
function unref(child: ChildProcess): void {
  child.unref();
  (child.channel as { unref?: () => void } | undefined)?.unref?.();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
}

/** How the child ended, from its exit code or signal, and what it wrote last to its standard error. */
function endOf(
  code: number | null,
  signal: NodeJS.Signals | null,
  stderr: string,
  spawnError: Error | undefined,
  memoryMb: number | undefined,
): ChannelEnd {
  const outOfMemory = stderr.includes('heap out of memory');
  if (spawnError !== undefined) {
    return { how: `failed to start: ${spawnError.message}`, outOfMemory };
  }
  const ended = signal === null ? `exited with code ${code}` : `was killed by ${signal}`;
  if (outOfMemory) {
    const limit = memoryMb === undefined ? 'its heap limit' : `its heap limit of ${memoryMb} MB`;
    return { how: `ran out of memory (${limit}) and ${ended}`, outOfMemory };
  }
  return { how: ended, outOfMemory };
}
