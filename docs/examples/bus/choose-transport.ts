// The transport, chosen by the driver pattern from a URL, exactly as the
// storage is: `fixture:` and `memory:` come from the sample plugins,
// `amqp://…` from @plugin-patterns/transport-amqp. Only the chosen module is
// imported, so a host on `memory:` never loads the RabbitMQ client.
import { join } from 'node:path';
import { DriverManager } from '@plugin-patterns/driver';
import { packageScan } from '@plugin-patterns/loader';
import { TRANSPORT_NAMESPACE, type Transport } from '@plugin-patterns/meter-contracts';

const host = join(import.meta.dirname, '../../../packages/tour');
const sources = [packageScan({ cwd: host, cache: false })];

// Constructing connects to nothing: the amqp driver is chosen and built with no broker here.
for (const url of ['fixture:', 'memory:', 'amqp://meter:secret@bus.example/prod']) {
  const transport = await DriverManager.load<Transport>({
    namespace: TRANSPORT_NAMESPACE,
    sources,
    url,
    args: [{ url }],
  });
  const from = transport.extension.source;
  const where = from.kind === 'package' ? from.packageName : from.kind;
  console.log(`${url}\n  -> ${transport.name} from ${where}: ${transport.driver.url}`);
  if (transport.name !== 'amqp')
    console.log(`  ${await transport.driver.depth()} messages waiting`);
  await transport.driver.close();
}
