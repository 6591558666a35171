/** Deterministic pollsters and samples for the poller's tests. Not part of the public API. */
import type { Availability, Pollster, Sample } from '@plugin-patterns/meter-contracts';

export function sample(meter: string, volume: number): Sample {
  return {
    meter,
    type: 'gauge',
    unit: '%',
    volume,
    resourceId: 'host-1',
    projectId: null,
    timestamp: '2026-11-26T10:00:00.000Z',
    source: `pollster:${meter}`,
  };
}

/** A pollster that returns one sample per poll, counting polls and availability checks. */
export class FixedPollster implements Pollster {
  readonly meters: readonly string[];
  polls = 0;
  checks = 0;
  readonly #meter: string;
  readonly #availability: Availability;

  constructor(meter: string, availability: Availability = { available: true }) {
    this.meters = [meter];
    this.#meter = meter;
    this.#availability = availability;
  }

  checkAvailability(): Availability {
    this.checks++;
    return this.#availability;
  }

  poll(): Sample[] {
    this.polls++;
    return [sample(this.#meter, this.polls)];
  }
}
