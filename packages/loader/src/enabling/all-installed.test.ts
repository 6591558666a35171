import { describe, expect, it } from 'vitest';
import { fakeEntries, fakeEntry } from '../testing/fakes.ts';
import { allInstalled } from './all-installed.ts';

describe('allInstalled', () => {
  it('keeps every candidate in discovery order and disables none', () => {
    const verdict = allInstalled().select(fakeEntries(['b', 'a', 'c']));
    expect(verdict.enabled).toEqual(['b', 'a', 'c']);
    expect(verdict.disabled).toEqual([]);
  });

  it('lists a name claimed twice once', () => {
    const verdict = allInstalled().select([fakeEntry('a'), fakeEntry('a', { url: 'fake:a2' })]);
    expect(verdict.enabled).toEqual(['a']);
  });

  it('is named all-installed', () => {
    expect(allInstalled().name).toBe('all-installed');
  });
});
