export { AmqpTransport } from './amqp-transport.ts';
export { type AmqpUrl, DEFAULT_QUEUE, parseAmqpUrl } from './amqp-url.ts';
