import { describe, expect, expectTypeOf, it } from 'vitest';
import { abstractClass } from './abstract-class.ts';
import type { SyncContract } from './contract.ts';

abstract class StorageDriverBase {
  static readonly abstractMembers = ['write', 'query'];
  abstract write(batch: readonly number[]): void;
  /** A placeholder that throws: present at run time, yet not an implementation. */
  query(): number[] {
    throw new Error('query() is abstract');
  }
  /** Shared behaviour every driver inherits. */
  describe(): string {
    return `driver ${this.constructor.name}`;
  }
}

class MemoryDriver extends StorageDriverBase {
  readonly rows: number[] = [];
  write(batch: readonly number[]): void {
    this.rows.push(...batch);
  }
  override query(): number[] {
    return this.rows;
  }
}

class HalfDriver extends StorageDriverBase {
  write(): void {}
}

describe('abstractClass: instances', () => {
  const contract = abstractClass(StorageDriverBase);

  it('accepts an instance of a subclass that implements every abstract member', () => {
    const driver = new MemoryDriver();
    expect(contract.check(driver)).toEqual({ ok: true, value: driver });
  });

  it("refuses a subclass that keeps the base's placeholder", () => {
    expect(contract.check(new HalfDriver())).toEqual({
      ok: false,
      issues: [
        { path: 'query', message: "not implemented: still StorageDriverBase's placeholder" },
      ],
    });
  });

  it('refuses a look-alike that does not extend the base', () => {
    const lookAlike = { write() {}, query: () => [] };
    expect(contract.check(lookAlike)).toEqual({
      ok: false,
      issues: [
        {
          path: '',
          message:
            'expected an instance of StorageDriverBase, got an object with keys write, query',
        },
      ],
    });
  });

  it('says so when it is given the class instead of an instance', () => {
    const result = contract.check(MemoryDriver);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain(
      'got class MemoryDriver (the class itself: construct it first',
    );
  });

  it('reports an abstract member that was never emitted as missing', () => {
    // @ts-expect-error deliberately incomplete, as an untyped plugin might be
    class NoWrite extends StorageDriverBase {
      override query(): number[] {
        return [];
      }
    }
    expect(contract.check(new NoWrite())).toEqual({
      ok: false,
      issues: [{ path: 'write', message: 'missing: StorageDriverBase declares it abstract' }],
    });
  });

  it('takes the member list from the options over the static one', () => {
    const strict = abstractClass(StorageDriverBase, { abstractMembers: ['describe'] });
    expect(strict.check(new MemoryDriver())).toMatchObject({
      issues: [
        { path: 'describe', message: "not implemented: still StorageDriverBase's placeholder" },
      ],
    });
  });
});

describe('abstractClass: subclasses', () => {
  const contract = abstractClass(StorageDriverBase, { accept: 'subclass', name: 'storage driver' });

  it('checks a class before it is built', () => {
    expect(contract.check(MemoryDriver)).toEqual({ ok: true, value: MemoryDriver });
    expect(contract.check(HalfDriver)).toMatchObject({ ok: false, issues: [{ path: 'query' }] });
  });

  it('refuses the base itself, and an unrelated class', () => {
    expect(contract.check(StorageDriverBase)).toMatchObject({
      issues: [{ path: '', message: 'got StorageDriverBase itself; a plugin must extend it' }],
    });
    expect(contract.check(class Other {})).toMatchObject({
      issues: [{ message: 'expected a class that extends StorageDriverBase, got class Other' }],
    });
  });

  it('uses the name it was given', () => {
    expect(contract.name).toBe('storage driver');
    expect(abstractClass(StorageDriverBase).name).toBe('StorageDriverBase class');
  });
});

describe('abstractClass: types', () => {
  it('is a contract for instances, or for the class with accept: subclass', () => {
    expectTypeOf(abstractClass(StorageDriverBase)).toEqualTypeOf<SyncContract<StorageDriverBase>>();
    expectTypeOf(abstractClass(StorageDriverBase, { accept: 'subclass' })).toEqualTypeOf<
      SyncContract<typeof StorageDriverBase>
    >();
  });
});
