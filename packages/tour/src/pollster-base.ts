/**
 * Two more ways for the tour's host to state the pollster API, for the
 * enforcement comparison: an abstract base class (a nominal check: plugins
 * must extend it) and a Standard Schema (a runtime schema: any object with a
 * `~standard` property validates). The schema is written by hand, in a few
 * lines, to show that the interface is all the loader needs; a host would
 * normally write it with valibot, zod or arktype.
 */
import type { Pollster, Sample } from '@plugin-patterns/meter-contracts';

/** The base a host could publish. None of the sample plugins extends it: they are plain classes. */
export abstract class PollsterBase implements Pollster {
  static readonly abstractMembers: readonly string[] = ['poll'];
  abstract readonly meters: readonly string[];
  abstract poll(): Sample[] | Promise<Sample[]>;
}

interface SchemaIssue {
  readonly message: string;
  readonly path: readonly PropertyKey[];
}

type SchemaResult =
  | { readonly value: Pollster; readonly issues?: undefined }
  | { readonly issues: readonly SchemaIssue[] };

/** The Standard Schema v1 interface, as much of it as the loader reads. */
export interface PollsterSchema {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => SchemaResult;
    readonly types?: { readonly input: unknown; readonly output: Pollster } | undefined;
  };
}

export const pollsterSchema: PollsterSchema = {
  '~standard': {
    version: 1,
    vendor: 'hand-written',
    validate(value: unknown): SchemaResult {
      if (typeof value !== 'object' || value === null) {
        return { issues: [{ message: 'expected an object', path: [] }] };
      }
      const record = value as Record<string, unknown>;
      const issues: SchemaIssue[] = [];
      const meters = record.meters;
      if (!Array.isArray(meters)) {
        issues.push({ message: 'expected an array of meter names', path: ['meters'] });
      } else {
        meters.forEach((meter, i) => {
          if (typeof meter !== 'string' || meter === '') {
            issues.push({ message: 'expected a non-empty string', path: ['meters', i] });
          }
        });
      }
      if (typeof record.poll !== 'function') {
        issues.push({ message: 'expected a function', path: ['poll'] });
      }
      const check = record.checkAvailability;
      if (check !== undefined && typeof check !== 'function') {
        issues.push({ message: 'expected a function when present', path: ['checkAvailability'] });
      }
      return issues.length === 0 ? { value: value as Pollster } : { issues };
    },
  },
};
