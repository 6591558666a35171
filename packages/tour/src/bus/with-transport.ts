/**
 * The tour's transport for one run, when `--transport` is given: loaded by the
 * driver pattern, on a queue of the run's own when an `amqp://` URL names none
 * (deleted afterwards), and closed at the end.
 */
import type { DriverManager } from '@plugin-patterns/driver';
import { packageScan } from '@plugin-patterns/loader';
import type { Transport } from '@plugin-patterns/meter-contracts';
import { loadTransport, privateQueueUrl } from './load-transport.ts';

export async function withTransport<R>(
  root: string,
  url: string | undefined,
  body: (transport: DriverManager<Transport> | undefined) => Promise<R>,
): Promise<R> {
  if (url === undefined) return body(undefined);
  const chosen = privateQueueUrl(url, 'meter.tour');
  const transport = await loadTransport(packageScan({ cwd: root, cache: false }), chosen.url);
  try {
    return await body(transport);
  } finally {
    const driver = transport.driver as Transport & { deleteQueues?: () => Promise<void> };
    if (chosen.owned) await driver.deleteQueues?.().catch(() => undefined);
    await driver.close();
  }
}
