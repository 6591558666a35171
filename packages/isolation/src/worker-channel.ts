/**
 * A worker thread as the place a plugin runs. It shares the host's process,
 * so it shares its permissions too: a worker stops a plugin that loops
 * (`terminate()` works while the thread spins), keeps its `process.exit()`,
 * its crashes and its polluted globals to itself, and caps its heap
 * (`resourceLimits`); it does not keep it from reading the host's files.
 * Starting one costs a few milliseconds and a few MB: a new V8 isolate.
 */
import { Worker } from 'node:worker_threads';
import { type Channel, type ChannelEnd, type ChannelOptions, PLUGIN_SIDE } from './channel.ts';
import type { FromPlugin } from './wire.ts';

export function startWorker(options: ChannelOptions): Channel {
  const limits =
    options.memoryMb === undefined
      ? undefined
      : // The young generation is part of the budget too; a quarter of it, at least 1 MB.
        {
          maxOldGenerationSizeMb: options.memoryMb,
          maxYoungGenerationSizeMb: Math.max(1, Math.floor(options.memoryMb / 4)),
        };
  const worker = new Worker(PLUGIN_SIDE, limits === undefined ? {} : { resourceLimits: limits });
  // An idle plugin does not keep the host alive; a pending call's time limit does.
  worker.unref();
  let outOfMemory = false;
  let failure: string | undefined;
  worker.on('error', (error: Error & { code?: string }) => {
    outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    failure = error.message;
  });
  return {
    label: `worker thread ${worker.threadId}`,
    send: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', (message: FromPlugin) => listener(message)),
    onEnd: (listener) =>
      worker.once('exit', (code) => listener(endOf(code, outOfMemory, failure, options.memoryMb))),
    stop: () => {
      // Held again until it has ended: a host waiting for that end has nothing else to wait on.
      worker.ref();
      void worker.terminate();
    },
  };
}

function endOf(
  code: number,
  outOfMemory: boolean,
  failure: string | undefined,
  memoryMb: number | undefined,
): ChannelEnd {
  if (outOfMemory)
    return { how: `ran out of memory (its heap limit of ${memoryMb} MB)`, outOfMemory };
  if (failure !== undefined) return { how: `failed to run: ${failure}`, outOfMemory };
  return { how: `exited with code ${code}`, outOfMemory };
}
