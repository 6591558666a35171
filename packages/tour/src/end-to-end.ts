/**
 * Step 2: ceilometer in miniature, end to end. The fixture's notification
 * stream goes through the dispatcher to the handlers; the pollsters run a few
 * cycles on the iterator's poller; every sample goes to the one storage
 * driver; then the totals are read back from the storage and set beside what
 * was written. Each plugin failure along the way is contained and reported,
 * never thrown at the host.
 */
import type { EventOutcome } from '@plugin-patterns/dispatch';
import type { DriverManager } from '@plugin-patterns/driver';
import type { Notification, Sample, Transport } from '@plugin-patterns/meter-contracts';
import { loadNotificationFixture } from '@plugin-patterns/sample-plugins';
import { type BusRun, runOverBus } from './bus/bus-end-to-end.ts';
import { callFailure } from './call-failure.ts';
import type { TourHost } from './host-setup.ts';
import { samplesAdded, totalsOf } from './meter-totals.ts';
import { pollCycles } from './poll-cycles.ts';
import { sampleArrayCheck } from './sample-results.ts';
import type { BusFacts, CallFailure, EndToEnd } from './tour-result.ts';

export interface EndToEndOptions {
  /** Where the notifications come from; the fixture, read directly, when not given. */
  readonly transport?: DriverManager<Transport> | undefined;
  readonly cycles: number;
  readonly intervalMs: number;
  /** How long one poll may take before it counts as failed. */
  readonly timeoutMs: number;
}

export async function runEndToEnd(
  host: TourHost,
  options: EndToEndOptions,
): Promise<EndToEnd & { bus?: BusFacts }> {
  const storage = host.storage.driver;
  const before = await storage.query();
  const written: Sample[] = [];
  let batches = 0;
  const store = async (batch: readonly Sample[]) => {
    if (batch.length === 0) return;
    await storage.write(batch);
    written.push(...batch);
    batches += 1;
  };

  const fixture = loadNotificationFixture();
  // Over a bus, the agent writes each message's samples itself, with the message id.
  let bus: BusRun | undefined;
  if (options.transport !== undefined) bus = await runOverBus(host, options.transport, fixture);
  const dispatched =
    bus?.dispatched ?? (await host.notifications.dispatchAll(fixture.notifications));
  const broken = new Set(fixture.defects.map((defect) => defect.messageId));
  const { samples: fromNotifications, problems } = harvest(dispatched.outcomes, broken);
  if (bus === undefined) await store(fromNotifications);
  else {
    written.push(...fromNotifications);
    batches += bus.batches;
  }

  const polled = await pollCycles(host.pollsters, { write: store }, options);

  const readBack = totalsOf(samplesAdded(before, await storage.query()));
  return {
    notifications: { ...dispatched.summary, samples: fromNotifications.length, problems },
    polling: {
      cycles: polled.cycles,
      intervalMs: options.intervalMs,
      pollsters: host.pollsters.names(),
      samples: polled.samples,
      failures: polled.failures,
    },
    written: { samples: written.length, batches },
    readBack,
    writtenTotals: totalsOf(written),
    ...(bus === undefined ? {} : { bus: bus.facts }),
  };
}

/**
 * The samples of every successful delivery, in stream order, and why each
 * other event yielded nothing: it reached no handler, a handler refused it, or
 * a handler answered something that is not samples (kept out of the batch, so
 * one bad answer cannot make the storage refuse everyone's samples).
 */
function harvest(
  outcomes: readonly EventOutcome<Notification, Sample[]>[],
  broken: ReadonlySet<string>,
): {
  samples: Sample[];
  problems: CallFailure[];
} {
  const samples: Sample[] = [];
  const problems: CallFailure[] = [];
  for (const outcome of outcomes) {
    // The fixture lists the events it breaks on purpose; any other failure is real.
    const deliberate = broken.has(messageIdOf(outcome.event));
    if (outcome.status !== 'routed') {
      problems.push({ ...callFailure(outcome.error, `(${outcome.status} event)`), deliberate });
      continue;
    }
    for (const delivery of outcome.deliveries) {
      if (!delivery.ok) {
        problems.push({ ...callFailure(delivery.error, delivery.plugin), deliberate });
        continue;
      }
      const verdict = sampleArrayCheck(delivery.value);
      if (verdict === true) samples.push(...delivery.value);
      else problems.push({ plugin: delivery.plugin, error: 'bad answer', message: verdict });
    }
  }
  return { samples, problems };
}

function messageIdOf(event: unknown): string {
  const id = (event as { message_id?: unknown } | null)?.message_id;
  return typeof id === 'string' ? id : '';
}
