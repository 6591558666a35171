// The three patterns, used as they are today, over isolated plugins: the
// driver over a storage driver in a worker, the dispatcher over notification
// handlers sharing one worker, the iterator over pollsters in child processes
// and over the untrusted pollsters, whose failures it collects as it collects
// any plugin's.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventDispatcher } from '@plugin-patterns/dispatch';
import { DriverManager } from '@plugin-patterns/driver';
import { IteratorManager } from '@plugin-patterns/iterator';
import {
  allowList,
  ExtensionSet,
  PluginCallError,
  PluginTimeoutError,
  packageScan,
} from '@plugin-patterns/loader';
import {
  NOTIFICATION_NAMESPACE,
  type Notification,
  POLLSTER_NAMESPACE,
  type Sample,
  STORAGE_NAMESPACE,
  type StorageDriver,
} from '@plugin-patterns/meter-contracts';
import { loadNotificationFixture } from '@plugin-patterns/sample-plugins';
import { afterEach, describe, expect, it } from 'vitest';
import { isolation } from '../src/index.ts';
import { closeAll, loadUntrusted } from './untrusted-set.ts';

const tour = fileURLToPath(new URL('../../tour/', import.meta.url)); // its package.json lists the sample plugins
const scan = packageScan({ cwd: tour, cache: false });
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
  await closeAll();
});

const sample: Sample = {
  meter: 'cpu.util',
  type: 'gauge',
  unit: '%',
  volume: 42,
  resourceId: 'compute-01',
  projectId: null,
  timestamp: '2026-12-01T08:00:00.000Z',
  source: 'isolation-test',
};

describe('the driver over an isolated storage driver', () => {
  it('loads one driver in a worker; its methods are messages, its answers copies', async () => {
    const isolated = isolation<StorageDriver>({
      mode: 'worker',
      integration: 'construct',
      args: [{ url: 'memory:' }],
      methods: ['write', 'query', 'close'],
    });
    closers.push(() => isolated.close());
    const storage = await DriverManager.load<StorageDriver>({
      namespace: STORAGE_NAMESPACE,
      sources: [scan],
      name: 'memory',
      importer: isolated.importer,
      integration: isolated.integration,
    });
    await storage.driver.write([sample]);
    expect(await storage.driver.query({ meter: 'cpu.util' })).toEqual([sample]);
    expect(storage.extension.history.map((h) => h.by)).toContain('worker');
  });
});

describe('the dispatcher over handlers that share one worker', () => {
  it('routes the fixture as it does in process', async () => {
    const fixture = loadNotificationFixture().notifications;
    const options = {
      subscriptions: (handler: Handler) => handler.eventTypes, // copied from the worker
      eventType: (notification: Notification) => notification.event_type,
      call: (handler: Handler, notification: Notification) => handler.process(notification),
      method: 'process',
    };
    const inProcess = await EventDispatcher.load(handlers(), options);
    const isolated = isolation<Handler>({
      mode: 'worker',
      share: 'namespace',
      integration: 'construct',
    });
    closers.push(() => isolated.close());
    const dispatcher = await EventDispatcher.load(handlers(isolated), options);

    const there = await dispatcher.dispatchAll(fixture);
    const here = await inProcess.dispatchAll(fixture);
    expect(there.summary).toEqual(here.summary);
    expect(there.summary.deliveries).toBeGreaterThan(200);
  });
});

describe('the iterator over isolated pollsters', () => {
  it('collects from pollsters each in a child process under the permission model', async () => {
    const contracts = dirname(
      fileURLToPath(import.meta.resolve('@plugin-patterns/meter-contracts/package.json')),
    );
    const isolated = isolation<Poll>({
      mode: 'child',
      integration: 'construct',
      allowRead: [contracts], // the pollsters import the host's contracts package
    });
    closers.push(() => isolated.close());
    const set = ExtensionSet.discover<Poll>({
      namespace: POLLSTER_NAMESPACE,
      sources: [scan],
      policies: [allowList(['cpu', 'memory'])],
      importer: isolated.importer,
      integration: isolated.integration,
    });
    const pollsters = await new IteratorManager(set, { method: 'poll' }).load();
    const { values, from, failures } = await pollsters.map((pollster) => pollster.poll());
    expect(from.map((e) => e.name)).toEqual(['cpu', 'memory']);
    expect(failures).toEqual([]);
    expect(values.flat().map((s) => s.meter)).toContain('cpu.util');
  });

  it('collects the untrusted pollsters: the honest answer, and each failure typed once', async () => {
    const { set } = await loadUntrusted(['steady', 'loops-forever', 'exits'], {
      mode: 'worker',
      timeoutMs: 1000,
    });
    const pollsters = new IteratorManager(set, { method: 'poll' });
    const { values, failures } = await pollsters.map((pollster) => pollster.poll());
    expect(values).toEqual([[{ meter: 'untrusted.steady', volume: 1 }]]);
    const byName = Object.fromEntries(failures.map((error) => [error.plugin, error]));
    expect(byName['loops-forever']).toBeInstanceOf(PluginTimeoutError);
    expect(byName.exits).toBeInstanceOf(PluginCallError);
    // Typed by the stand-in and passed on by the iterator's guard: the plugin is named once.
    expect(byName.exits?.message).toBe(
      '[meter.untrusted:exits] (invocation) call to poll() failed: its worker thread exited with code 3',
    );
  });
});

interface Handler {
  readonly eventTypes: readonly string[];
  process(notification: Notification): unknown;
}

interface Poll {
  poll(): Promise<Sample[]>;
}

function handlers(isolated?: ReturnType<typeof isolation<Handler>>): ExtensionSet<Handler> {
  return ExtensionSet.discover<Handler>({
    namespace: NOTIFICATION_NAMESPACE,
    sources: [scan],
    ...(isolated === undefined
      ? { integration: constructed() }
      : { importer: isolated.importer, integration: isolated.integration }),
  });
}

function constructed() {
  return {
    name: 'construct',
    integrate: (exported: unknown) => new (exported as new () => Handler)(),
  };
}
