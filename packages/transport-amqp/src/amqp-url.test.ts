import { InvalidTransportUrlError } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { AmqpTransport } from './amqp-transport.ts';
import { parseAmqpUrl } from './amqp-url.ts';

describe('parseAmqpUrl', () => {
  it('takes the queue out of the URL, and names the dead-letter queue after it', () => {
    expect(
      parseAmqpUrl('amqp://meter:s3cret@bus.example:5672/prod?queue=meter.in&heartbeat=10'),
    ).toEqual({
      connectionUrl: 'amqp://meter:s3cret@bus.example:5672/prod?heartbeat=10',
      queue: 'meter.in',
      deadLetterQueue: 'meter.in.dead',
      redacted: 'amqp://meter:***@bus.example:5672/prod?queue=meter.in&heartbeat=10',
    });
    expect(parseAmqpUrl('amqp://bus.example').queue).toBe('meter.notifications');
  });

  it.each([
    ['postgres://db.example/x', 'the scheme is not amqp: or amqps:'],
    ['amqp://', 'it names no host'],
    ['amqp://bus.example?queue=a%20b', 'the queue name must be'],
    ['not a url', 'it is not a valid URL'],
  ])('refuses %s', (url, why) => {
    expect(() => parseAmqpUrl(url)).toThrow(InvalidTransportUrlError);
    expect(() => parseAmqpUrl(url)).toThrow(why);
  });
});

describe('AmqpTransport without a server', () => {
  it('says why it is not available, without the password', async () => {
    const transport = new AmqpTransport({ url: 'amqp://meter:s3cret@127.0.0.1:1' });
    const answer = await transport.checkAvailability();
    expect(answer.available).toBe(false);
    expect(answer.available ? '' : answer.reason).toMatch(
      /^cannot use RabbitMQ at amqp:\/\/meter:\*\*\*@127\.0\.0\.1:1: .*ECONNREFUSED/,
    );
    await transport.close();
  });
});
