/**
 * A refused reference is reported as an escape (ReferenceEscapeError) when it
 * points outside the package or at another package, and as a plain refusal
 * otherwise; which one depends on the reference alone, and on whether it was
 * read from a package manifest or from a host's list of specifiers.
 */
import { describe, expect, it } from 'vitest';
import { DiscoveryError, ReferenceEscapeError } from '../errors/kinds.ts';
import { type ReferenceKind, refusedReference } from './refused-reference.ts';

const who = (kind: ReferenceKind) => ({ namespace: 'test.ns', name: 'p', kind });
const escapes = (reference: unknown, kind: ReferenceKind) =>
  refusedReference(reference, 'refused', who(kind)) instanceof ReferenceEscapeError;

describe('refusedReference: escapes', () => {
  it.each([
    ['https://example.com/x.js', 'package'],
    ['http://example.com/x.js', 'specifier'],
    ['ws://example.com/x.js', 'specifier'],
    ['wss://example.com/x.js', 'specifier'],
    ['c:x.js', 'specifier'],
    ['/abs/x.js', 'specifier'],
    ['\\abs\\x.js', 'specifier'],
    ['pkg/../x', 'specifier'],
    ['pkg/..', 'specifier'],
    ['pkg/node_modules/x', 'specifier'],
    ['pkg/node_modules:Plugin', 'specifier'],
    ['other-package', 'package'],
  ] as const)('%j (%s)', (reference, kind) => {
    expect(escapes(reference, kind)).toBe(true);
  });
});

describe('refusedReference: plain refusals', () => {
  it.each([
    ['other-package', 'specifier'],
    ['pkg/', 'specifier'],
    ['pkg\\', 'specifier'],
    ['.:bad-export', 'package'],
    ['./a.js:bad-export', 'package'],
  ] as const)('%j (%s)', (reference, kind) => {
    const error = refusedReference(reference, 'refused', who(kind));
    expect(error).toBeInstanceOf(DiscoveryError);
    expect(error).not.toBeInstanceOf(ReferenceEscapeError);
    expect(error.message).toMatch(
      /^\[test.ns:p\] \(discovery\) import reference ".*" is refused: refused$/,
    );
  });

  it('a reference that is not a string is refused with the reason alone', () => {
    const error = refusedReference(42, 'a reference must be a string, not number', who('package'));
    expect(error).not.toBeInstanceOf(ReferenceEscapeError);
    expect(error.message).toBe('[test.ns:p] (discovery) a reference must be a string, not number');
  });
});
