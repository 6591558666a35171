/**
 * The transport, chosen by the driver pattern from a URL, as the storage is:
 * `fixture:` and `memory:` from the sample plugins, `amqp://…` from
 * `@plugin-patterns/transport-amqp`, found by the same package scan. Only the
 * chosen transport's module is imported, so a host on `fixture:` never loads
 * amqplib.
 */
import { DriverManager } from '@plugin-patterns/driver';
import { type Contract, convention, type DiscoverySource } from '@plugin-patterns/loader';
import { TRANSPORT_NAMESPACE, type Transport } from '@plugin-patterns/meter-contracts';

export const transportContract: Contract<Transport> = convention<Transport>({
  name: 'Transport',
  members: {
    publish: 'function',
    consume: 'function',
    depth: 'function',
    drainDeadLetters: 'function',
    close: 'function',
  },
});

export function loadTransport(
  source: DiscoverySource,
  url: string,
): Promise<DriverManager<Transport>> {
  return DriverManager.load<Transport>({
    namespace: TRANSPORT_NAMESPACE,
    sources: [source],
    url,
    args: [{ url }],
    contract: transportContract,
  });
}

/**
 * For a one-off run on a shared broker: an `amqp://` URL that names no queue
 * gets a queue of its own (deleted afterwards), so the run reads exactly what
 * it published. Any other URL is used as given.
 */
export function privateQueueUrl(url: string, label: string): { url: string; owned: boolean } {
  if (!/^amqps?:/.test(url)) return { url, owned: false };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, owned: false };
  }
  if (parsed.searchParams.has('queue')) return { url, owned: false };
  parsed.searchParams.set('queue', `${label}.${process.pid}.${Date.now()}`);
  return { url: parsed.href, owned: true };
}
