/**
 * `pnpm tour --transport amqp://… --storage postgres://…`: the same tour, its
 * notifications published to a real RabbitMQ and consumed by a notification
 * agent, its samples in a real PostgreSQL. The stream and the totals read back
 * are the tour's own; the bus adds what the agent did. Needs both servers
 * (see bus-scale-out.test.ts); without them it fails, never skips.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { amqpTestServer, requireAmqp } from '../../../scripts/rabbitmq/test-server.ts';
import { testServer } from '../../storage-postgres/src/test-server.ts';
import { renderTour, runTour } from '../src/index.ts';

const amqp = await amqpTestServer();
const postgres = await testServer();
const table = `t_tour_bus_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
afterAll(async () => {
  if (postgres.url !== undefined) {
    const pool = new pg.Pool({ connectionString: postgres.url, max: 1 });
    await pool.query(`DROP TABLE IF EXISTS "${table}", "${table}_messages"`);
    await pool.end();
  }
  await amqp.stop();
  await postgres.stop();
}, 60_000);

describe('the tour over a bus', () => {
  it('runs end to end against RabbitMQ and PostgreSQL, and reads back what it wrote', async () => {
    if (postgres.url === undefined) throw new Error(postgres.missing?.why);
    const result = await runTour({
      transport: requireAmqp(amqp),
      storage: `${postgres.url}?table=${table}`,
    });
    expect(result.storage.driver).toBe('postgres');
    expect(result.bus).toMatchObject({
      driver: 'amqp',
      published: 312,
      acknowledged: 306,
      deadLettered: 6,
      redelivered: 0,
    });
    // A queue of the run's own, named in the URL, with the password hidden.
    expect(result.bus?.url).toMatch(
      /^amqp:\/\/guest:\*\*\*@127\.0\.0\.1:\d+\/?\?queue=meter\.tour\./,
    );
    const n = result.endToEnd.notifications;
    expect([n.events, n.routed, n.unrouted, n.malformed, n.failed]).toEqual([312, 309, 2, 1, 3]);
    expect(result.endToEnd.readBack).toEqual(result.endToEnd.writtenTotals);
  }, 180_000);

  it('reads the fixture from fixture: the same way, and prints the transport', async () => {
    const result = await runTour({ transport: 'fixture:', storage: 'memory:' });
    expect(result.bus).toMatchObject({ driver: 'fixture', published: 0, acknowledged: 306 });
    expect(result.endToEnd.readBack).toEqual(result.endToEnd.writtenTotals);
    const text = renderTour(result);
    expect(text).toContain(
      'Transport: driver fixture, URL fixture: (a notification agent consumed it)',
    );
    expect(text).toContain(
      '0 published, 306 acknowledged once stored, 6 dead-lettered, 0 redelivered',
    );
  }, 180_000);
});
