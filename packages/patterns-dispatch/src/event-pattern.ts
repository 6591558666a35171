/**
 * The little language a handler uses to say which events it handles.
 *
 * A handler is inspected once, when the dispatcher is built (the essay's
 * fine-grained integration: the host looks at the plugin and decides where it
 * goes). What it declares is a list of patterns, each one of:
 *
 * - an exact event type, `image.upload`: matches that type and nothing else;
 * - a prefix wildcard, `compute.instance.*`: matches every event type that
 *   starts with `compute.instance.` followed by ONE OR MORE segments, so both
 *   `compute.instance.delete` and `compute.instance.create.end` — but not
 *   `compute.instance` itself (the star stands for something, never nothing);
 * - the lone star `*`: every event type.
 *
 * Segments are separated by dots and compared exactly (case-sensitive). A star
 * is only allowed as the whole LAST segment: `compute.*.end` or `comp*` are
 * refused rather than half-supported. That restriction is what lets the
 * routing table index wildcards as prefixes (see `routing-table.ts`) instead
 * of testing every pattern against every event.
 *
 * `matchesEventPattern` states the rules directly, one pattern at a time. The
 * routing table must agree with it; its tests check that they do.
 */

export type EventPattern =
  /** Matches one event type. */
  | { readonly kind: 'exact'; readonly eventType: string }
  /** Matches `prefix.<one or more segments>`; `prefix` is empty for the lone `*`. */
  | { readonly kind: 'prefix'; readonly prefix: readonly string[] };

export type ParsedPattern =
  | { readonly ok: true; readonly pattern: EventPattern }
  | { readonly ok: false; readonly problem: string };

export const WILDCARD = '*';

/** Reads one declared pattern, or says what is wrong with it. */
export function parseEventPattern(text: unknown): ParsedPattern {
  if (typeof text !== 'string') {
    return { ok: false, problem: `a pattern must be a string, got ${typeof text}` };
  }
  if (text.length === 0) return { ok: false, problem: 'a pattern must not be empty' };
  const segments = text.split('.');
  const last = segments.length - 1;
  for (let i = 0; i <= last; i++) {
    const segment = segments[i] as string;
    if (segment.length === 0) {
      return { ok: false, problem: `"${text}" has an empty segment` };
    }
    if (segment.includes(WILDCARD) && (segment !== WILDCARD || i !== last)) {
      return {
        ok: false,
        problem: `"${text}": "*" is only allowed as the whole last segment (like "compute.instance.*")`,
      };
    }
  }
  if (segments[last] === WILDCARD) {
    return { ok: true, pattern: { kind: 'prefix', prefix: segments.slice(0, last) } };
  }
  return { ok: true, pattern: { kind: 'exact', eventType: text } };
}

/**
 * The matching rules, stated one pattern at a time. Linear in the pattern's
 * length; the routing table answers the same question for every handler at
 * once without looking at each of them.
 */
export function matchesEventPattern(pattern: EventPattern, eventType: string): boolean {
  if (pattern.kind === 'exact') return pattern.eventType === eventType;
  const segments = eventType.split('.');
  // One or more segments must be left over for the star.
  if (segments.length <= pattern.prefix.length) return false;
  return pattern.prefix.every((segment, i) => segments[i] === segment);
}

/** Shows a parsed pattern the way it was written. */
export function formatEventPattern(pattern: EventPattern): string {
  if (pattern.kind === 'exact') return pattern.eventType;
  return [...pattern.prefix, WILDCARD].join('.');
}
