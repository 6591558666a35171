import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './closest-name.ts';

describe('closestName', () => {
  it('suggests the nearest candidate, ignoring case, keeping its spelling', () => {
    expect(closestName('memroy', ['memory', 'postgres'])).toBe('memory');
    expect(closestName('MEMORY', ['Memory', 'sqlite'])).toBe('Memory');
  });

  it('suggests nothing further than a third of the name (at least 2 edits) away', () => {
    expect(closestName('ab', ['xy'])).toBe('xy');
    expect(closestName('ab', ['xyz'])).toBeUndefined();
    expect(closestName('postgres', ['mysql'])).toBeUndefined();
    expect(closestName('anything', [])).toBeUndefined();
  });

  it('keeps the first of equally near candidates', () => {
    expect(closestName('cat', ['bat', 'hat'])).toBe('bat');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
  });
});
