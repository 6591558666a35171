import { type Monitor, monitor } from '@plugin-patterns/loader/tracing';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverManager } from './driver-manager.ts';

interface Store {
  write(batch: readonly number[]): number;
}

let watching: Monitor | undefined;
afterEach(() => watching?.stop());

describe('DriverManager.call, traced', () => {
  it('publishes each guarded call as the driver pattern calling the driver', async () => {
    const manager = DriverManager.fromInstance<Store>('meter.storage', 'memory', {
      write: (batch) => batch.length,
    });
    watching = monitor();
    expect(manager.call((store) => store.write([1, 2, 3]))).toBe(3);
    await expect(manager.call(async () => Promise.reject(new Error('disk full')))).rejects.toThrow(
      'disk full',
    );
    expect(watching.records.map((r) => [r.kind, r.namespace, r.plugin, r.ok, r.async])).toEqual([
      ['call', 'meter.storage', 'memory', true, false],
      ['call', 'meter.storage', 'memory', false, true],
    ]);
    expect(watching.records[0]).toMatchObject({ pattern: 'driver', source: { kind: 'object' } });
  });

  it('publishes nothing for the plain call, which does not go through the manager', () => {
    const manager = DriverManager.fromInstance<Store>('meter.storage', 'memory', {
      write: (batch) => batch.length,
    });
    watching = monitor();
    manager.driver.write([1]);
    expect(watching.records).toEqual([]);
  });
});
