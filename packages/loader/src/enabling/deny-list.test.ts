import { describe, expect, it } from 'vitest';
import { fakeEntries } from '../testing/fakes.ts';
import { denyList } from './deny-list.ts';

const found = fakeEntries(['cpu', 'memory', 'disk']);

describe('denyList', () => {
  it('keeps every plugin not denied, in discovery order', () => {
    const verdict = denyList(['memory']).select(found);
    expect(verdict.enabled).toEqual(['cpu', 'disk']);
    expect(verdict.disabled).toEqual([{ name: 'memory', reason: 'in the deny list' }]);
  });

  it('keeps everything when the list is empty', () => {
    const verdict = denyList([]).select(found);
    expect(verdict.enabled).toEqual(['cpu', 'memory', 'disk']);
    expect(verdict.unmatched).toEqual([]);
  });

  it('reports a denied name that matches nothing, with the closest existing name', () => {
    const verdict = denyList(['dsk', 'gpu']).select(found);
    expect(verdict.enabled).toEqual(['cpu', 'memory', 'disk']);
    expect(verdict.unmatched).toEqual([
      { name: 'dsk', closest: 'disk' },
      { name: 'gpu', closest: 'cpu' },
    ]);
  });

  it('defaults to deny-list and can be renamed', () => {
    expect(denyList([]).name).toBe('deny-list');
    expect(denyList([], { name: 'disabled_pollsters' }).name).toBe('disabled_pollsters');
  });
});
