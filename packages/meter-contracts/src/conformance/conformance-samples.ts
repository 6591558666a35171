/**
 * The samples the storage conformance checks write. Each is built from a few
 * distinguishing fields on top of a valid base, so a check reads as the
 * situation it sets up ("two samples at the same second, different meters")
 * rather than as eight-field object literals.
 */
import type { Sample } from '../sample.ts';

/** Every timestamp in the checks is this instant plus a number of seconds. */
const BASE_MS = Date.parse('2026-01-01T00:00:00.000Z');

export interface SampleSketch extends Partial<Sample> {
  /** Seconds after the base instant; sets `timestamp`. */
  readonly at?: number;
}

export function sampleAt(sketch: SampleSketch = {}): Sample {
  const { at = 0, ...fields } = sketch;
  return {
    meter: 'cpu.util',
    type: 'gauge',
    unit: '%',
    volume: 1,
    resourceId: 'host-a',
    projectId: null,
    timestamp: timeAt(at),
    source: 'conformance',
    ...fields,
  };
}

/** The ISO 8601 UTC timestamp `seconds` after the base instant. */
export function timeAt(seconds: number): string {
  return new Date(BASE_MS + seconds * 1000).toISOString();
}

/**
 * Samples that use every corner of the Sample type: each meter type, a null
 * and a string project, fractional, negative, zero and very large volumes.
 * A driver that stores numbers as text or loses `null` fails on these.
 */
export function variedSamples(): Sample[] {
  return [
    sampleAt({ at: 1, volume: 0.1, projectId: null }),
    sampleAt({
      at: 2,
      meter: 'network.incoming.bytes',
      type: 'cumulative',
      unit: 'B',
      volume: 1e15,
      resourceId: 'host-b',
    }),
    sampleAt({
      at: 3,
      meter: 'volume.size',
      type: 'delta',
      unit: 'GB',
      volume: -3.5,
      resourceId: 'vol-1',
      projectId: 'project-1',
      source: 'notification:volume',
    }),
    sampleAt({ at: 4, meter: 'instance', unit: 'instance', volume: 0, projectId: 'project-2' }),
  ];
}

/**
 * Would-be samples that a driver must refuse, each with what is wrong. They
 * are typed as Sample on purpose: the type system would stop them, but plugins
 * written in JavaScript, or data read from elsewhere, get past it.
 */
export function invalidSamples(): { readonly why: string; readonly sample: Sample }[] {
  const bad = (why: string, fields: Record<string, unknown>) => ({
    why,
    sample: { ...sampleAt(), ...fields } as unknown as Sample,
  });
  const { meter: _meter, ...withoutMeter } = sampleAt();
  return [
    bad('a NaN volume', { volume: Number.NaN }),
    bad('an infinite volume', { volume: Number.POSITIVE_INFINITY }),
    bad('a volume given as text', { volume: '12' }),
    { why: 'no meter', sample: withoutMeter as unknown as Sample },
    bad('an unknown meter type', { type: 'counter' }),
    bad('a timestamp that is not ISO 8601 UTC', { timestamp: 'yesterday' }),
    bad('a projectId that is a number', { projectId: 7 }),
  ];
}
