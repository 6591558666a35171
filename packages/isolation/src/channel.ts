/**
 * What the host needs of the place an isolated plugin runs, whichever it is:
 * send a message, hear the answers, learn that it ended and why, and stop it.
 * `worker-channel.ts` and `child-channel.ts` are the two kinds; everything
 * above them (time limits, restarts, records) is written once, against this.
 */
import type { FromPlugin, ToPlugin } from './wire.ts';

export type IsolationMode = 'worker' | 'child';

/** How a worker or child ended, in the words a record shows. */
export interface ChannelEnd {
  /** e.g. `exited with code 3`, `ran out of memory`, `was killed by SIGABRT`. */
  readonly how: string;
  readonly outOfMemory: boolean;
}

export interface Channel {
  /** `worker thread 12` or `child process 4711`, for records. */
  readonly label: string;
  send(message: ToPlugin): void;
  onMessage(listener: (message: FromPlugin) => void): void;
  /** Called once, when the worker or child has ended, whatever the reason. */
  onEnd(listener: (end: ChannelEnd) => void): void;
  /** Terminates the worker, kills the child; `onEnd` follows. */
  stop(): void;
}

export interface ChannelOptions {
  /** Heap limit of the plugin's side, in MB. Default: Node's own. */
  readonly memoryMb?: number | undefined;
}

/**
 * The plugin's side, next to this file: `plugin-side.ts` in the workspace
 * (run type-stripped), `plugin-side.js` once built. Node refuses to strip
 * types under node_modules, so the published package runs its built copy.
 */
export const PLUGIN_SIDE: URL = new URL(
  import.meta.url.endsWith('.ts') ? './plugin-side.ts' : './plugin-side.js',
  import.meta.url,
);
