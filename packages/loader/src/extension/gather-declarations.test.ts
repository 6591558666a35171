import { describe, expect, it } from 'vitest';
import type { DiscoverySource } from '../discovery/entry-point.ts';
import { gatherDeclarations } from './gather-declarations.ts';
import { fakeEntries, fakeEntry, fakeProblem, fakeSource } from './test-fakes.ts';

function source(kind: string, ...parts: Parameters<typeof fakeSource>): DiscoverySource {
  return { ...fakeSource(...parts), kind };
}

describe('gatherDeclarations: one list, in discovery order', () => {
  it('uses a single source’s list as it is', () => {
    const entries = fakeEntries(['cpu', 'disk']);
    const gathered = gatherDeclarations('test.ns', [fakeSource(entries)]);
    expect(gathered.found).toBe(entries);
    expect(gathered.foundBy(1)).toBe('fake-scan');
  });

  it('joins several sources in order and knows which source found each declaration', () => {
    const gathered = gatherDeclarations('test.ns', [
      source('first', fakeEntries(['b'])),
      source('empty', []),
      source('second', fakeEntries(['a', 'c'])),
    ]);
    expect(gathered.found.map((e) => e.name)).toEqual(['b', 'a', 'c']);
    expect([0, 1, 2].map((i) => gathered.foundBy(i))).toEqual(['first', 'second', 'second']);
  });

  it('leaves out what a source found in another namespace', () => {
    const other = fakeEntry('elsewhere', { namespace: 'other.ns' });
    const gathered = gatherDeclarations('test.ns', [
      fakeSource([other, ...fakeEntries(['cpu'])], [fakeProblem('gone', 'unreadable', 'other.ns')]),
    ]);
    expect(gathered.found.map((e) => e.name)).toEqual(['cpu']);
    expect(gathered.refusals.size).toBe(0);
  });
});

describe('gatherDeclarations: refused declarations', () => {
  it('keeps a named refusal in place, as an entry that throws its error when resolved', () => {
    const gathered = gatherDeclarations('test.ns', [
      source('first', fakeEntries(['cpu']), [
        fakeProblem('escaper', 'reference leaves the package'),
      ]),
      source('second', fakeEntries(['disk'])),
    ]);
    expect(gathered.found.map((e) => e.name)).toEqual(['cpu', 'escaper', 'disk']);
    expect([...gathered.refusals.keys()]).toEqual([1]);
    expect(gathered.foundBy(1)).toBe('first');
    const escaper = gathered.found[1];
    expect(escaper?.reference).toBe('../outside:default');
    const target = escaper?.target;
    expect(() => (typeof target === 'function' ? target() : target)).toThrow(
      'reference leaves the package',
    );
  });

  it('reports a refusal without a name as a problem of the set', () => {
    const unnamed = fakeProblem(undefined, 'entryPoints is not an object');
    const gathered = gatherDeclarations('test.ns', [fakeSource(fakeEntries(['cpu']), [unnamed])]);
    expect(gathered.found.map((e) => e.name)).toEqual(['cpu']);
    expect(gathered.problems).toEqual([unnamed]);
  });
});
