/**
 * The column tables of the discovery cache file (see cache-format.ts): how a
 * table is read back as columns of one length, how repeated strings are
 * written once, and how a package is read from its row across the columns.
 */

import { isPlainObject } from '../declared-names.ts';
import { MAX_DECLARATIONS_PER_PACKAGE } from '../entry-point-field.ts';
import { type ScannedSource, scannedSource } from '../package-entry-point.ts';
import type { ScannedPackage } from '../package-walk.ts';
import type { PackageFolders, StoredRoot } from './cache-paths.ts';

export const PACKAGE_COLUMNS = [
  'name',
  'version',
  'root',
  'hasExports',
  'declares',
  'claimed',
] as const;
export const PLUGIN_COLUMNS = ['namespace', 'name', 'reference'] as const;

/** The columns of a table, as read back: arrays of one length, their values unchecked. */
export type Columns<Column extends string> = Readonly<Record<Column, readonly unknown[]>>;

/** The named columns of `table`, or undefined when it is not a plain object of arrays of one length. */
export function columnsOf<Column extends string>(
  table: unknown,
  names: readonly Column[],
): Columns<Column> | undefined {
  if (!isPlainObject(table)) return undefined;
  const columns = {} as Record<Column, readonly unknown[]>;
  let length: number | undefined;
  for (const name of names) {
    const column = table[name];
    if (!Array.isArray(column) || (length !== undefined && column.length !== length)) {
      return undefined;
    }
    length = column.length;
    columns[name] = column;
  }
  return columns;
}

/** Distinct strings in order of first use: each is written once, and named by its index. */
export class StringTable {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();

  indexOf(value: string): number {
    let index = this.#index.get(value);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.#index.set(value, index);
    }
    return index;
  }
}

/**
 * The packages of a cache file, read row by row from their columns. A row is
 * checked once (`declares`); then its source is made for its entry points to
 * share, and the package itself only if a message needs it.
 */
export class PackageRows {
  readonly count: number;
  readonly #columns: Columns<(typeof PACKAGE_COLUMNS)[number]>;
  readonly #folders: PackageFolders;

  constructor(columns: Columns<(typeof PACKAGE_COLUMNS)[number]>, folders: PackageFolders) {
    this.count = columns.name.length;
    this.#columns = columns;
    this.#folders = folders;
  }

  /**
   * How many declarations row `row` has, or undefined when the row is not one
   * a scan writes: a value of the wrong type, or more declarations than a
   * scan keeps.
   */
  declares(row: number): number | undefined {
    const { name, version, root, hasExports, declares, claimed } = this.#columns;
    const count = declares[row];
    if (typeof name[row] !== 'string' || typeof version[row] !== 'string') return undefined;
    if (!(claimed[row] === 0 || typeof claimed[row] === 'string')) return undefined;
    if (typeof hasExports[row] !== 'boolean') return undefined;
    if (!(root[row] === 0 || typeof root[row] === 'string')) return undefined;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
    return count > MAX_DECLARATIONS_PER_PACKAGE ? undefined : count;
  }

  /** True for the index of a row. */
  has(row: unknown): row is number {
    return typeof row === 'number' && Number.isInteger(row) && row >= 0 && row < this.count;
  }

  // Below, `row` is one that `declares` accepted: its values have their types.

  hasExports(row: number): boolean {
    return this.#columns.hasExports[row] as boolean;
  }

  sourceAt(row: number): ScannedSource {
    const name = this.#columns.name[row] as string;
    const version = this.#columns.version[row] as string;
    return scannedSource(name, version, this.#rootAt(row), this.claimedAt(row));
  }

  /** What the package's manifest calls it, when that is another name. */
  claimedAt(row: number): string | undefined {
    const claimed = this.#columns.claimed[row];
    return claimed === 0 ? undefined : (claimed as string);
  }

  packageAt(row: number): ScannedPackage {
    const pkg = {
      name: this.#columns.name[row] as string,
      version: this.#columns.version[row] as string,
      root: this.#rootAt(row),
      hasExports: this.hasExports(row),
    };
    const claimedName = this.claimedAt(row);
    return claimedName === undefined ? pkg : { ...pkg, claimedName };
  }

  #rootAt(row: number): string {
    const name = this.#columns.name[row] as string;
    return this.#folders.rootOf(name, this.#columns.root[row] as StoredRoot);
  }
}
