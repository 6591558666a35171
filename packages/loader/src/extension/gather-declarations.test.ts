import { describe, expect, it } from 'vitest';
import type { DiscoverySource, EntryPoint } from '../discovery/entry-point.ts';
import { fakeEntries, fakeEntry, fakeProblem, fakeSource } from '../testing/fakes.ts';
import { gatherDeclarations, indexesOf } from './gather-declarations.ts';

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

/** Entries that count how often their name and namespace are read. */
function watchedEntries(entryNames: readonly string[]): { entries: EntryPoint[]; reads: string[] } {
  const reads: string[] = [];
  const entries = entryNames.map((name) => {
    const entry = fakeEntry(name);
    return {
      ...entry,
      get name() {
        reads.push(`name:${name}`);
        return name;
      },
      get namespace() {
        reads.push(`namespace:${name}`);
        return entry.namespace;
      },
    };
  });
  return { entries, reads };
}

describe('indexesOf: where a name is declared', () => {
  it('finds every declaration of the name, in order', () => {
    const found = [...fakeEntries(['cpu', 'disk']), fakeEntry('cpu', { url: 'fake:cpu2' })];
    expect(indexesOf(found, 'cpu')).toEqual([0, 2]);
    expect(indexesOf(found, 'gpu')).toEqual([]);
    expect(indexesOf(Object.freeze(found), 'cpu')).toEqual([0, 2]);
  });

  it('finds the first name of a frozen list by one pass, and indexes the list at the second', () => {
    const { entries, reads } = watchedEntries(['cpu', 'disk', 'cpu']);
    const frozen = Object.freeze(entries);
    // A driver asks one name: a pass of comparisons, no index.
    expect(indexesOf(frozen, 'cpu')).toEqual([0, 2]);
    expect(reads).toEqual(['name:cpu', 'name:disk', 'name:cpu']);
    // A second name: the list is read once more, to index it ...
    expect(indexesOf(frozen, 'disk')).toEqual([1]);
    expect(reads).toHaveLength(6);
    // ... and never again, whatever is asked.
    expect(indexesOf(frozen, 'cpu')).toEqual([0, 2]);
    expect(indexesOf(frozen, 'gpu')).toEqual([]);
    expect(reads).toHaveLength(6);
  });

  it('reads a list that may still change on every look-up', () => {
    const { entries, reads } = watchedEntries(['cpu', 'disk']);
    indexesOf(entries, 'cpu');
    entries.push(fakeEntry('cpu', { url: 'fake:cpu2' }));
    expect(indexesOf(entries, 'cpu')).toEqual([0, 2]);
    expect(reads).toEqual(['name:cpu', 'name:disk', 'name:cpu', 'name:disk']);
  });
});

describe('gatherDeclarations: the same frozen list on every call', () => {
  it('checks its namespace once', () => {
    const { entries, reads } = watchedEntries(['cpu', 'disk']);
    const sameList = fakeSource(Object.freeze(entries));
    expect(gatherDeclarations('test.ns', [sameList]).found).toBe(entries);
    expect(reads).toEqual(['namespace:cpu', 'namespace:disk']);
    expect(gatherDeclarations('test.ns', [sameList]).found).toBe(entries);
    expect(reads).toHaveLength(2);
    // Asked for another namespace, the list is checked (and found wanting) again.
    expect(gatherDeclarations('other.ns', [sameList]).found).toEqual([]);
    expect(reads.length).toBeGreaterThan(2);
  });
});

describe('gatherDeclarations: a lone source handing back the same frozen report', () => {
  const frozenReport = (names: string[]) =>
    Object.freeze({
      entryPoints: Object.freeze(fakeEntries(names)),
      problems: Object.freeze([fakeProblem('bad', 'refused')]),
    });
  const handing = (kind: string, report: ReturnType<typeof frozenReport>): DiscoverySource => ({
    kind,
    discover: () => report,
  });

  it('is gathered once: the next set gets the same answer', () => {
    const scan = handing('fake-scan', frozenReport(['cpu', 'disk']));
    const first = gatherDeclarations('test.ns', [scan]);
    expect(first.found.map((e) => e.name)).toEqual(['cpu', 'disk', 'bad']);
    expect(gatherDeclarations('test.ns', [scan])).toBe(first);
  });

  it('is gathered again for another namespace or another kind of source', () => {
    const report = frozenReport(['cpu']);
    const first = gatherDeclarations('test.ns', [handing('fake-scan', report)]);
    const otherKind = gatherDeclarations('test.ns', [handing('other-scan', report)]);
    expect(otherKind).not.toBe(first);
    expect(otherKind.foundBy(0)).toBe('other-scan');
    expect(gatherDeclarations('other.ns', [handing('other-scan', report)]).found).toEqual([]);
  });

  it('is not kept when the report could still change', () => {
    const report = { entryPoints: fakeEntries(['cpu']), problems: [] };
    const scan: DiscoverySource = { kind: 'fake-scan', discover: () => report };
    const first = gatherDeclarations('test.ns', [scan]);
    report.entryPoints.push(fakeEntry('disk'));
    const second = gatherDeclarations('test.ns', [scan]);
    expect(second).not.toBe(first);
    expect(second.found.map((e) => e.name)).toEqual(['cpu', 'disk']);
  });
});
