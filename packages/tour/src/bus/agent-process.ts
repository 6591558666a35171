/**
 * One notification agent as a process of its own, the way a deployment runs
 * several of them on one queue:
 *
 *   node --conditions=@plugin-patterns/source agent-process.ts TRANSPORT_URL STORAGE_URL [PREFETCH]
 *
 * It loads the tour's plugins with one package scan (the transport and the
 * storage by the driver pattern, the handlers for the dispatcher), prints
 * `ready` once it consumes, then `settled N` as its count of acknowledged and
 * dead-lettered messages grows, and on SIGTERM stops (what it holds goes back to
 * the queue), prints its counts as one line of JSON and exits. SIGKILL, of
 * course, gives it no say: the broker redelivers what it held.
 */
import { packageScan } from '@plugin-patterns/loader';
import { loadNotificationRouting, loadStorage } from '../host-setup.ts';
import { TOUR_ROOT } from '../run-tour.ts';
import { loadTransport } from './load-transport.ts';
import { NotificationAgent } from './notification-agent.ts';

const [transportUrl, storageUrl, prefetchText = '32'] = process.argv.slice(2);
// Digits only: Number() would take '', '1e3', '0x10' or ' 8 ' and hand the agent 0 or a surprise.
const prefetch = /^[0-9]+$/.test(prefetchText) ? Number(prefetchText) : 0;
if (
  transportUrl === undefined ||
  storageUrl === undefined ||
  prefetch < 1 ||
  !Number.isSafeInteger(prefetch)
) {
  process.stderr.write('usage: agent-process.ts TRANSPORT_URL STORAGE_URL [PREFETCH]\n');
  process.stderr.write('  PREFETCH: a positive whole number (default 32)\n');
  process.exit(2);
}

const source = packageScan({ cwd: TOUR_ROOT, cache: false });
const transport = await loadTransport(source, transportUrl);
const storage = await loadStorage(source, storageUrl);
const { notifications } = await loadNotificationRouting(source);
const agent = new NotificationAgent({
  transport: transport.driver,
  notifications,
  storage: storage.driver,
  prefetch,
});
await agent.start();
process.stdout.write('ready\n');

// Progress for whoever watches (the bench times a drain with it): `settled N`, when it changes.
let reported = 0;
setInterval(() => {
  const { acknowledged, deadLettered } = agent.stats;
  if (acknowledged + deadLettered === reported) return;
  reported = acknowledged + deadLettered;
  process.stdout.write(`settled ${reported}\n`);
}, 20).unref();

process.once('SIGTERM', async () => {
  await agent.stop();
  await transport.driver.close();
  await storage.driver.close();
  process.stdout.write(`${JSON.stringify(agent.stats)}\n`);
  process.exit(0);
});
