// A time limit on a call (`timeoutMs`) can end the host's wait for a
// *promise*; it cannot stop a plugin that never gives the thread back. A
// `while (true) {}` in a plugin's poll() blocks the host's own event loop, so
// the timer that would end the wait never gets to run. What can stop it is
// another thread: here the plugin is loaded and called in a worker, and the
// host terminates the worker when the plugin has not answered in time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ExtensionSet, fileList } from '@plugin-patterns/loader';
import { invoke } from '@plugin-patterns/loader/invocation';

interface Pollster {
  poll(): unknown;
}

if (isMainThread) {
  const folder = mkdtempSync(join(tmpdir(), 'spinning-'));
  writeFileSync(join(folder, 'spin.js'), 'export default { poll() { for (;;) {} } };\n');
  writeFileSync(join(folder, 'steady.js'), 'export default { poll() { return [42]; } };\n');
  try {
    for (const name of ['steady', 'spin'])
      console.log(`${name}: ${await pollInWorker(folder, name, 500)}`);
    console.log('the host is still here, and its event loop still runs');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
} else {
  // Inside the worker: the loader as usual, one plugin, one guarded call.
  const { folder, name } = workerData as { folder: string; name: string };
  const set = ExtensionSet.discover<Pollster>({
    namespace: 'meter.pollster',
    sources: [
      fileList({ namespace: 'meter.pollster', files: { [name]: `${name}.js` }, cwd: folder }),
    ],
  });
  const [plugin] = await set.loadAll();
  if (plugin !== undefined) {
    parentPort?.postMessage({ calling: true }); // the time limit covers the call, not start-up
    parentPort?.postMessage({ answer: invoke(plugin, 'poll') });
  }
}

/** Runs one plugin's poll() in a worker; terminates the worker if the call takes longer than `ms`. */
function pollInWorker(folder: string, name: string, ms: number): Promise<string> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { folder, name } });
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    worker.on('message', (message: { calling?: true; answer?: unknown }) => {
      if (message.calling) {
        timer = setTimeout(() => {
          void worker.terminate();
          resolve(`no answer within ${ms} ms; its worker was terminated`);
        }, ms);
        return;
      }
      clearTimeout(timer);
      void worker.terminate();
      resolve(`answered ${JSON.stringify(message.answer)}`);
    });
  });
}
