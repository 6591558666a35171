// Plugin calls and loading stages as OpenTelemetry spans: instrument() turns
// what the loader publishes into one span per step. An in-memory exporter
// stands in for the host's real one.
import { join } from 'node:path';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { DriverManager } from '@plugin-patterns/driver';
import { packageScan } from '@plugin-patterns/loader';
import { STORAGE_NAMESPACE, type StorageDriver } from '@plugin-patterns/meter-contracts';
import { instrument } from '@plugin-patterns/opentelemetry';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracing = instrument({ tracer: provider.getTracer('meter-host') });

const host = join(import.meta.dirname, '../../../packages/tour');
const url = 'memory:';
const storage = await DriverManager.load<StorageDriver>({
  namespace: STORAGE_NAMESPACE,
  sources: [packageScan({ cwd: host, cache: false })],
  url,
  args: [{ url }],
});
// Guarded calls are traced (the plain `storage.driver.write()` is not).
await storage.call((driver) => driver.write([]));
await storage.call((driver) => driver.close());
await storage.call((driver) => driver.write([])).catch(() => {}); // closed: it rejects
tracing.stop();

const spans = exporter.getFinishedSpans();
for (const span of spans) {
  const failed = span.status.message === undefined ? '' : ` (error: ${span.status.message})`;
  console.log(`${span.name}${failed}`);
}
// A call's attributes (and `source.package`: the plugin's package and version).
const { 'plugin_patterns.source.package': _, ...attributes } =
  spans.find((span) => span.name.startsWith('driver call'))?.attributes ?? {};
console.log(attributes);
