/**
 * The tour's transport for one run, when `--transport` is given: loaded by the
 * driver pattern from the host's own source (one scan serves both), on a queue
 * of the run's own when an `amqp://` URL names none (deleted afterwards), and
 * closed at the end.
 */
import type { DriverManager } from '@plugin-patterns/driver';
import type { DiscoverySource } from '@plugin-patterns/loader';
import type { Transport } from '@plugin-patterns/meter-contracts';
import { loadTransport, privateQueueUrl } from './load-transport.ts';

export async function withTransport<R>(
  source: DiscoverySource,
  url: string | undefined,
  body: (transport: DriverManager<Transport> | undefined) => Promise<R>,
): Promise<R> {
  if (url === undefined) return body(undefined);
  const chosen = privateQueueUrl(url, 'meter.tour');
  const transport = await loadTransport(source, chosen.url);
  try {
    return await body(transport);
  } finally {
    const driver = transport.driver as Transport & { deleteQueues?: () => Promise<void> };
    if (chosen.owned) await driver.deleteQueues?.().catch(() => undefined);
    await driver.close();
  }
}
