/**
 * Where an agent's time goes: the dispatcher's cost per message (routing a
 * notification to its handler, which turns it into samples) against the
 * broker's round trip for one message (publish, confirmed, delivered to a
 * consumer, acknowledged) on a RabbitMQ on this machine. A bus is chosen for
 * what it carries, not for speed; the question is whether the plugin
 * machinery is worth counting beside it.
 */
import { packageScan } from '@plugin-patterns/loader';
import type { Notification, TransportMessage } from '@plugin-patterns/meter-contracts';
import { notificationStream } from '../../../packages/tour/src/bus/notification-stream.ts';
import { loadNotificationRouting } from '../../../packages/tour/src/host-setup.ts';
import { AmqpTransport } from '../../../packages/transport-amqp/src/index.ts';
import type { Benchmark, RowSpec, RunContext } from '../benchmark.ts';
import { REPO, rabbitmq, withParam } from '../fixtures/bus-servers.ts';
import { compareAsync, rowOf } from '../harness/measure.ts';

const rows: RowSpec[] = [
  {
    id: 'bus-dispatch-per-message',
    label: 'EventDispatcher.dispatch of one notification to its handler',
    unit: 'ns/message',
    baseline: "the broker's round trip for one message: publish (confirmed), deliver, ack",
    target: { on: 'ratio', max: 0.1, text: '≤0.1x' },
    ifMissed:
      'the handlers build several samples per notification; on a loaded machine the round ' +
      'trip over loopback is short, and the two are measured in different processes',
  },
];

export const busDispatch: Benchmark = {
  id: 'bus-dispatch',
  title: "The bus: the dispatcher against the broker's round trip",
  about:
    'The same notifications (well-formed ones of the fixture, in turn) dispatched by the ' +
    "tour's EventDispatcher to the sample handlers, against a RabbitMQ round trip per " +
    'message: publish and wait for the confirm, receive it on a consumer (prefetch 1), ack. ' +
    'Interleaved rounds of a fixed number of messages; figures are per message. Needs ' +
    'RabbitMQ (the env var, or started by the script).',
  file: 'bench/src/benchmarks/bus-dispatch.ts',
  rows,
  async run(context: RunContext) {
    const server = await rabbitmq();
    const transport = new AmqpTransport({
      url: withParam(server.url, 'queue', `bench.roundtrip.${process.pid}`),
    });
    try {
      const notifications = notificationStream(500);
      const { notifications: dispatcher } = await loadNotificationRouting(
        packageScan({ cwd: `${REPO}/packages/tour`, cache: false }),
      );
      let next = 0;
      const dispatch = async (iterations: number) => {
        let samples = 0;
        for (let i = 0; i < iterations; i++) {
          const outcome = await dispatcher.dispatch(
            notifications[next++ % notifications.length] as Notification,
          );
          if (outcome.status === 'routed') samples += outcome.deliveries.length;
        }
        return samples;
      };

      let arrived: ((m: TransportMessage) => void) | undefined;
      await transport.consume(
        async (m) => {
          await m.ack();
          arrived?.(m);
        },
        { prefetch: 1 },
      );
      const roundTrip = async (iterations: number) => {
        for (let i = 0; i < iterations; i++) {
          const got = new Promise<TransportMessage>((resolve) => {
            arrived = resolve;
          });
          await transport.publish([notifications[i % notifications.length]]);
          await got;
        }
        return iterations;
      };
      context.log('bus: dispatch against the round trip');
      const options = {
        rounds: context.quick ? 1 : 7,
        batchMs: 0,
        iterations: context.quick ? 20 : 300,
      };
      const result = await compareAsync(roundTrip, dispatch, options);
      return { 'bus-dispatch-per-message': rowOf(result) };
    } finally {
      await transport.deleteQueues().catch(() => undefined);
      await transport.close();
      await server.stop();
    }
  },
};
