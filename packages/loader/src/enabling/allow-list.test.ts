import { describe, expect, it } from 'vitest';
import { fakeEntries } from '../testing/fakes.ts';
import { allowList } from './allow-list.ts';

const found = fakeEntries(['memory', 'sqlite', 'jsonl']);

describe('allowList: order', () => {
  it("keeps only listed plugins, in the list's order", () => {
    const verdict = allowList(['sqlite', 'memory']).select(found);
    expect(verdict.enabled).toEqual(['sqlite', 'memory']);
  });

  it('lists a name given twice once', () => {
    expect(allowList(['jsonl', 'jsonl']).select(found).enabled).toEqual(['jsonl']);
  });
});

describe('allowList: disabled', () => {
  it('disables every unlisted plugin with a reason', () => {
    const verdict = allowList(['sqlite']).select(found);
    expect(verdict.disabled).toEqual([
      { name: 'memory', reason: 'not in the allow list' },
      { name: 'jsonl', reason: 'not in the allow list' },
    ]);
  });
});

describe('allowList: unmatched', () => {
  it('reports a listed name that matches nothing, with the closest existing name', () => {
    const verdict = allowList(['sqlit', 'memory', 'postgres']).select(found);
    expect(verdict.enabled).toEqual(['memory']);
    expect(verdict.unmatched).toEqual([
      { name: 'sqlit', closest: 'sqlite' },
      { name: 'postgres', closest: undefined },
    ]);
  });
});

describe('allowList: name', () => {
  it('defaults to allow-list and can be renamed for reports', () => {
    expect(allowList([]).name).toBe('allow-list');
    expect(allowList([], { name: 'config [storage]' }).name).toBe('config [storage]');
  });
});
