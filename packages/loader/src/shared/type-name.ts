/**
 * How a wrong value is named in messages: `null`, `an array`, `a string`,
 * `a number`, `object`, `undefined`. One wording for every message of the
 * loader, whichever stage refuses the value.
 */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? type : `a ${type}`;
}
