import { isThenable } from './thenable.ts';

/**
 * A short, human description of any value, for "expected X, got Y" messages.
 * Plugin authors read these when their plugin is refused, so they name what
 * was actually there (a class, a plain object and its keys, a string) rather
 * than printing `[object Object]`.
 */
export function describeValue(value: unknown): string {
  try {
    return describeAny(value);
  } catch {
    // A getter, a proxy trap or a revoked proxy refused to be looked at: a
    // description must never throw in the middle of reporting a failure.
    return `an unreadable ${typeof value}`;
  }
}

function describeAny(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'symbol':
      return String(value);
    case 'function':
      return describeFunction(value as (...args: never[]) => unknown);
    default:
      return describeObject(value as object | null);
  }
}

/** The kind of a value as a member check names it: `array`, `null`, or `typeof`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describeFunction(fn: (...args: never[]) => unknown): string {
  const name = fn.name === '' ? '' : ` ${fn.name}`;
  return Function.prototype.toString.call(fn).startsWith('class')
    ? `class${name}`
    : `function${name === '' ? ' (anonymous)' : name}`;
}

function describeObject(value: object | null): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isThenable(value)) return 'a promise';
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && proto !== Object.prototype) {
    const ctor = (proto as { constructor?: { name?: unknown } }).constructor;
    if (typeof ctor?.name === 'string' && ctor.name !== '') return `an instance of ${ctor.name}`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, 5).join(', ');
  return `an object with keys ${shown}${keys.length > 5 ? ', …' : ''}`;
}
