/**
 * `meter.pollster`: plugins that read a value from the machine on a schedule
 * (cpu, memory, disk, network…). The host calls every enabled pollster in
 * turn: the iterator pattern. A pollster whose resource is absent here says so
 * through `checkAvailability`, and the host disables it once, with that reason.
 */
import type { Sample } from './sample.ts';

export const POLLSTER_NAMESPACE = 'meter.pollster';

export type Availability =
  | { readonly available: true }
  | { readonly available: false; readonly reason: string };

export interface Pollster {
  /** Meters this pollster produces, e.g. `['cpu.util']`. */
  readonly meters: readonly string[];
  /** Whether this machine has the resource. Asked once, before the first poll. */
  checkAvailability?(): Availability | Promise<Availability>;
  /** One reading: sync where the value is at hand, async where it must be fetched. */
  poll(): Sample[] | Promise<Sample[]>;
}

/** A pollster's export: a class the host constructs without arguments. */
export type PollsterClass = new () => Pollster;
