import { describe, expect, it } from 'vitest';
import { fakeEntries, fakeEntry } from '../testing/fakes.ts';
import { predicate } from './predicate.ts';

describe('predicate: verdicts', () => {
  it('keeps an entry the rule answers true for, in discovery order', () => {
    const rule = predicate('no-experimental', (e) => !e.name.startsWith('experimental-'));
    const verdict = rule.select(fakeEntries(['b', 'experimental-x', 'a']));
    expect(verdict.enabled).toEqual(['b', 'a']);
    expect(verdict.disabled).toEqual([{ name: 'experimental-x', reason: 'rejected by the rule' }]);
  });

  it('uses a returned string as the reason', () => {
    const rule = predicate('vendor-only', (e) =>
      e.source.kind === 'package' && e.source.packageName.startsWith('@acme/')
        ? true
        : 'not an @acme package',
    );
    const verdict = rule.select([fakeEntry('a')]);
    expect(verdict.enabled).toEqual([]);
    expect(verdict.disabled).toEqual([{ name: 'a', reason: 'not an @acme package' }]);
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
    expect(verdict.disabled).toEqual([{ name: 'odd', reason: 'the rule threw: cannot judge odd' }]);
  });
});

describe('predicate: a name claimed twice', () => {
  it('lists the name once, where it was first kept, when the rule keeps both claimants', () => {
    const rule = predicate('all', () => true);
    const verdict = rule.select(fakeEntries(['a', 'b', 'a']));
    expect(verdict.enabled).toEqual(['a', 'b']);
  });

  it('turns the name off when the rule rejects either claimant', () => {
    const rule = predicate('no-second-copy', (e) => e.reference !== './second:default');
    const verdict = rule.select([
      fakeEntry('a'),
      { ...fakeEntry('a'), reference: './second:default' },
    ]);
    expect(verdict.enabled).toEqual([]);
    expect(verdict.disabled).toEqual([{ name: 'a', reason: 'rejected by the rule' }]);
  });
});
