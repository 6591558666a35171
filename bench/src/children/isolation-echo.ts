/**
 * The floor of the isolation benchmarks: a worker or child process that
 * answers every message at once, with a message shaped like an isolated
 * plugin's answer, and does nothing else.
 */
import { parentPort } from 'node:worker_threads';

const ANSWER = [{ meter: 'untrusted.steady', volume: 1 }];

if (parentPort !== null) {
  const port = parentPort;
  port.on('message', (message: { id: number }) => {
    port.postMessage({ kind: 'done', id: message.id, value: ANSWER });
  });
} else {
  process.on('message', (message: { id: number }) => {
    process.send?.({ kind: 'done', id: message.id, value: ANSWER });
  });
  process.on('disconnect', () => process.exit(0));
}
