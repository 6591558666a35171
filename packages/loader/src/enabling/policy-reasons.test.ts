/**
 * What the deny list and a predicate report besides the names they keep:
 * the deny list's unmatched names are only the names that match nothing, and
 * a predicate that answers an empty string has still rejected the plugin.
 */
import { describe, expect, it } from 'vitest';
import { fakeEntries } from '../testing/fakes.ts';
import { denyList } from './deny-list.ts';
import { predicate } from './predicate.ts';

describe('denyList: unmatched names', () => {
  it('lists a denied name that matches nothing, never one that matched', () => {
    const verdict = denyList(['cpu', 'gpu']).select(fakeEntries(['cpu', 'disk']));
    expect(verdict.unmatched?.map((u) => u.name)).toEqual(['gpu']);
  });
});

describe('predicate: an empty string answer', () => {
  it('rejects the entry, with the generic reason', () => {
    const verdict = predicate('no-reason', () => '').select(fakeEntries(['cpu']));
    expect(verdict.enabled).toEqual([]);
    expect(verdict.disabledEntries?.map((d) => d.reason)).toEqual(['rejected by the rule']);
  });
});
