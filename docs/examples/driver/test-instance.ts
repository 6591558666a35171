// The test seam: a host's own tests hand the manager a driver object, with no
// discovery and no import, and exercise the code that uses `manager.driver`.
import { DriverManager } from '@plugin-patterns/driver';
import {
  type Sample,
  STORAGE_NAMESPACE,
  type StorageDriver,
} from '@plugin-patterns/meter-contracts';

// The host code under test: keeps only the readings above a threshold.
async function storeAlerts(
  storage: DriverManager<StorageDriver>,
  readings: readonly Sample[],
): Promise<number> {
  const alerts = readings.filter((s) => s.volume >= 90);
  await storage.driver.write(alerts);
  return alerts.length;
}

// A fake driver that remembers what it was given.
const written: Sample[][] = [];
const fake: StorageDriver = {
  write: async (samples) => {
    written.push([...samples]);
  },
  query: async () => written.flat(),
  close: async () => {},
};
const storage = DriverManager.fromInstance(STORAGE_NAMESPACE, 'fake', fake);

const reading = (volume: number): Sample => ({
  meter: 'cpu.util',
  type: 'gauge',
  unit: '%',
  volume,
  resourceId: 'host-a',
  projectId: null,
  timestamp: '2026-11-26T10:00:00.000Z',
  source: 'pollster:cpu',
});

const stored = await storeAlerts(storage, [reading(12), reading(95), reading(90)]);
console.log(`stored ${stored} alert(s): ${written[0]?.map((s) => s.volume).join(', ')}`);
console.log(`the manager holds the fake itself: ${storage.driver === fake}`);
console.log(`its record: ${JSON.stringify(storage.extension.toJSON().source)}`);
