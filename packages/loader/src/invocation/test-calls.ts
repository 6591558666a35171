/** Helpers for the call guard's tests. Not part of the public API. */
import { Extension } from '../extension/extension.ts';

export interface Pollster {
  readonly meters: readonly string[];
  poll(): number[] | Promise<number[]>;
  scale?(factor: number, offset: number): number;
}

/** A loaded extension around `object`, as the guard receives it. */
export function ext<T>(object: T, name = 'cpu'): Extension<T> {
  return Extension.preloaded('meter.pollster', name, object);
}

/** What `fn` threw, or undefined. */
export function catchSync(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}
