import { describe, expect, it } from 'vitest';
import { fakeEntries, fakeEntry } from '../testing/fakes.ts';
import type { PolicyVerdict } from './policy.ts';
import { predicate } from './predicate.ts';

/** The records a verdict turned off, as `name: reason`. */
const off = (verdict: PolicyVerdict) =>
  (verdict.disabledEntries ?? []).map(({ entry, reason }) => `${entry.name}: ${reason}`);

describe('predicate: verdicts', () => {
  it('keeps an entry the rule answers true for, in discovery order', () => {
    const rule = predicate('no-experimental', (e) => !e.name.startsWith('experimental-'));
    const verdict = rule.select(fakeEntries(['b', 'experimental-x', 'a']));
    expect(verdict.enabled).toEqual(['b', 'a']);
    expect(off(verdict)).toEqual(['experimental-x: rejected by the rule']);
  });

  it('uses a returned string as the reason', () => {
    const rule = predicate('vendor-only', (e) =>
      e.source.kind === 'package' && e.source.packageName.startsWith('@acme/')
        ? true
        : 'not an @acme package',
    );
    const verdict = rule.select([fakeEntry('a')]);
    expect(verdict.enabled).toEqual([]);
    expect(off(verdict)).toEqual(['a: not an @acme package']);
  });

  it('carries the name it was given', () => {
    expect(predicate('mine', () => true).name).toBe('mine');
  });
});

describe('predicate: a throwing rule', () => {
  it('disables only the entry it threw on, with the message', () => {
    const rule = predicate('picky', (e) => {
      if (e.name === 'odd') throw new Error('cannot judge odd');
      return true;
    });
    const verdict = rule.select(fakeEntries(['a', 'odd', 'b']));
    expect(verdict.enabled).toEqual(['a', 'b']);
    expect(off(verdict)).toEqual(['odd: the rule threw: cannot judge odd']);
  });
});

describe('predicate: a name claimed twice', () => {
  it('lists the name once, where it was first kept, when the rule keeps both claimants', () => {
    const rule = predicate('all', () => true);
    const verdict = rule.select(fakeEntries(['a', 'b', 'a']));
    expect(verdict.enabled).toEqual(['a', 'b']);
  });

  it('turns off only the claimant the rule rejects, and keeps the name for the other', () => {
    const rule = predicate('no-second-copy', (e) => e.reference !== './second:default');
    const second = { ...fakeEntry('a'), reference: './second:default' };
    const verdict = rule.select([fakeEntry('a'), second]);
    expect(verdict.enabled).toEqual(['a']);
    expect(verdict.disabled).toEqual([]);
    expect(verdict.disabledEntries?.map((d) => d.entry)).toEqual([second]);
  });
});
