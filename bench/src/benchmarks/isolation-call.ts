/**
 * Isolation: what one call costs when the plugin runs out of the host's
 * process. An isolated call is a message out and a message back, so its floor
 * is the bare round trip of the same messages with nothing of the project in
 * it: a worker that answers each message at once over its MessagePort, and a
 * child process that answers at once over its IPC channel (structured clone,
 * as the isolation uses). Each isolated call is held to at most 1.5x its
 * floor: the stand-in, the time limit armed per call, the id matching and
 * the plugin's side (one event-loop turn per request) must add less than
 * half a round trip. The in-process call is shown beside them, for scale.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isolation } from '@plugin-patterns/isolation';
import {
  UNTRUSTED_NAMESPACE,
  untrustedPlugins,
} from '@plugin-patterns/isolation/untrusted-plugins';
import { ExtensionSet } from '@plugin-patterns/loader';
import type { Benchmark, RowSpec, RunContext } from '../benchmark.ts';
import { callRounds, compareAsync, rowOf } from '../harness/measure.ts';

interface Pollster {
  poll(): unknown;
}

const ECHO = fileURLToPath(new URL('../children/isolation-echo.ts', import.meta.url));

const rows: RowSpec[] = [
  {
    id: 'isolation-call-worker',
    label: 'one call to a plugin in a worker thread, awaited',
    unit: 'ns/call',
    baseline: 'a bare MessageChannel round trip to a worker that answers at once',
    target: { on: 'ratio', max: 1.5, text: '≤1.5x' },
  },
  {
    id: 'isolation-call-child',
    label: 'one call to a plugin in a child process (--permission), awaited',
    unit: 'ns/call',
    baseline: 'a bare IPC round trip to a child that answers at once',
    target: { on: 'ratio', max: 1.5, text: '≤1.5x' },
  },
  {
    id: 'isolation-call-in-process',
    label: 'the call in a worker thread, against the same call in the host process',
    unit: 'ns/call',
    baseline: 'one call to the same plugin loaded in the host process, awaited',
    target: undefined,
  },
];

export const isolationCall: Benchmark = {
  id: 'isolation-call',
  title: 'Isolation: one call',
  about:
    'One plugin (the honest `steady` pollster of @plugin-patterns/isolation) called through its ' +
    'stand-in in a worker thread and in a child process, each against the bare round trip of ' +
    'the same message to a worker or child that answers at once; calls one after the other, ' +
    'each awaited; and the worker call beside the same call in process, for what isolation costs. ' +
    'Interleaved rounds; figures are per call.',
  file: 'bench/src/benchmarks/isolation-call.ts',
  rows,
  async run(context: RunContext) {
    const options = callRounds(context.quick);
    const worker = await isolatedSteady('worker');
    const child = await isolatedSteady('child');
    const inProcess = await steadyIn(undefined);

    const echoWorker = new Worker(ECHO);
    const echoChild = fork(ECHO, [], { serialization: 'advanced', stdio: 'ignore' });
    const floorWorker = roundTrips(
      (message) => echoWorker.postMessage(message),
      (listener) => echoWorker.on('message', listener),
    );
    const floorChild = roundTrips(
      (message) => echoChild.send(message as object),
      (listener) => echoChild.on('message', listener),
    );
    const calls = (plugin: Pollster) => async (iterations: number) => {
      let seen = 0;
      for (let i = 0; i < iterations; i++) seen += ((await plugin.poll()) as unknown[]).length;
      return seen;
    };
    if ((await calls(worker.plugin)(2)) !== (await floorWorker(2))) {
      throw new Error('the isolated call and its floor do not agree');
    }
    try {
      context.log('isolation: worker call');
      const inWorker = await compareAsync(floorWorker, calls(worker.plugin), options);
      context.log('isolation: child call');
      const inChild = await compareAsync(floorChild, calls(child.plugin), options);
      context.log('isolation: in-process call');
      const here = await compareAsync(calls(inProcess.plugin), calls(worker.plugin), options);
      return {
        'isolation-call-worker': rowOf(inWorker),
        'isolation-call-child': rowOf(inChild),
        'isolation-call-in-process': rowOf(here),
      };
    } finally {
      await Promise.all([worker.close(), child.close(), echoWorker.terminate()]);
      echoChild.kill();
    }
  },
};

/** The steady plugin, isolated in `mode`. */
async function isolatedSteady(mode: 'worker' | 'child') {
  const isolated = isolation<Pollster>({ mode });
  const { plugin } = await steadyIn(isolated);
  return { plugin, close: () => isolated.close() };
}

async function steadyIn(
  isolated: ReturnType<typeof isolation<Pollster>> | undefined,
): Promise<{ plugin: Pollster }> {
  const [steady] = await ExtensionSet.discover<Pollster>({
    namespace: UNTRUSTED_NAMESPACE,
    sources: [untrustedPlugins(['steady'])],
    importer: isolated?.importer,
    integration: isolated?.integration,
  }).loadAll();
  if (steady === undefined) throw new Error('steady did not load');
  return { plugin: steady.object };
}

/**
 * The floor: `iterations` round trips, one after the other, of a message
 * shaped like a call (`{ kind, id, name, method, args }`), each answered with
 * a message shaped like the answer.
 */
function roundTrips(
  send: (message: unknown) => void,
  listen: (listener: (message: { id: number; value: unknown[] }) => void) => void,
) {
  let waiting: ((value: unknown[]) => void) | undefined;
  listen((message) => waiting?.(message.value));
  let id = 0;
  return async (iterations: number): Promise<number> => {
    let seen = 0;
    for (let i = 0; i < iterations; i++) {
      const answer = new Promise<unknown[]>((resolve) => {
        waiting = resolve;
      });
      send({ kind: 'call', id: ++id, name: 'steady', method: 'poll', args: [] });
      seen += (await answer).length;
    }
    return seen;
  };
}
