/**
 * What a trace says about an argument: its type, and for a string or an
 * array its length. Never the value: a monitoring tool sees that a pipeline
 * step was handed a string of 2,048 characters, not the text.
 *
 * Looking must not run anyone's code: an argument can be a plugin's answer
 * (a pipeline hands one plugin's answer to the next), and a proxy's traps or
 * a getter would run at every traced call. So a proxy is named by `typeof`
 * alone, and only lengths that a plain read cannot intercept are taken.
 */
import { isProxy } from 'node:util/types';

export interface ArgShape {
  /** `typeof`, except that `null` and arrays are named as such. */
  readonly type: string;
  /** A string's or an array's length. */
  readonly length?: number;
}

export function shapeOf(value: unknown): ArgShape {
  if (value === null) return { type: 'null' };
  if (typeof value === 'string') return { type: 'string', length: value.length };
  if (typeof value !== 'object') return { type: typeof value };
  if (isProxy(value)) return { type: 'object' };
  if (Array.isArray(value)) return { type: 'array', length: value.length };
  return { type: 'object' };
}

export function shapesOf(values: readonly unknown[]): readonly ArgShape[] {
  return values.map(shapeOf);
}
