/**
 * API enforcement: how a host holds a plugin to the API it will call. Each
 * way is one file (convention, abstract class, Standard Schema); all of them
 * produce the same result so the pipeline treats them alike. The fourth way,
 * guarding every call, lives in `guard.ts`.
 */
import type { ContractIssue } from '../errors/kinds.ts';

export type ContractResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ContractIssue[] };

export interface Contract<T> {
  /** Shown in errors and history, e.g. `convention`, `StorageDriver class`. */
  readonly name: string;
  /** Checks the integrated object (what the host will call). */
  check(value: unknown): ContractResult<T> | Promise<ContractResult<T>>;
}

/**
 * A contract that always answers at once (convention, abstract class). Hosts
 * and tests can read its result without awaiting; it is still a `Contract<T>`.
 */
export interface SyncContract<T> extends Contract<T> {
  check(value: unknown): ContractResult<T>;
}

/** The type a contract admits. */
export type ContractType<C> = C extends Contract<infer T> ? T : never;
