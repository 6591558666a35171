/**
 * What a plugin can throw (or reject with) besides a well-made Error. Each
 * value is given twice: as a factory, for tests that throw it in-process, and
 * as JavaScript source, for the generated plugin packages that throw it from
 * real modules (see `fault-lab.ts`). `shows` is the text the host's error
 * message must carry, so a test can check the value was described, not lost.
 *
 * The list is what the loader's guard has to survive: no message, no stack,
 * a value that cannot be changed, one that cannot be turned into a string,
 * one that cannot even be looked at (a revoked proxy throws on every
 * operation but `typeof`).
 */

export interface HostileValue {
  /** Safe as part of a plugin name: letters, digits and `-`. */
  readonly label: string;
  readonly make: () => unknown;
  /** The same value as a JavaScript expression. */
  readonly source: string;
  /** What the host's error message must contain. */
  readonly shows: string;
  /** When a module throws it during import, if Node's own loader describes it differently. */
  readonly importShows?: string;
}

export const HOSTILE_VALUES: readonly HostileValue[] = [
  {
    label: 'error',
    make: () => new Error('lab: a real Error'),
    source: "new Error('lab: a real Error')",
    shows: 'lab: a real Error',
  },
  {
    label: 'string',
    make: () => 'lab: a thrown string',
    source: "'lab: a thrown string'",
    shows: 'lab: a thrown string',
  },
  {
    label: 'undefined',
    make: () => undefined,
    source: 'undefined',
    shows: 'non-Error value undefined',
  },
  { label: 'null', make: () => null, source: 'null', shows: 'non-Error value null' },
  {
    label: 'frozen',
    make: () => Object.freeze({ code: 'E_LAB_FROZEN' }),
    source: "Object.freeze({ code: 'E_LAB_FROZEN' })",
    shows: 'non-Error value {"code":"E_LAB_FROZEN"}',
  },
  {
    label: 'to-string-throws',
    make: () => ({
      lab: 'to-string-throws',
      toString(): string {
        throw new Error('lab: toString refuses');
      },
    }),
    source:
      "({ lab: 'to-string-throws', toString() { throw new Error('lab: toString refuses'); } })",
    shows: 'non-Error value {"lab":"to-string-throws"}',
  },
  {
    label: 'revoked-proxy',
    make: revokedProxy,
    source: '(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()',
    shows: 'non-Error value (an unreadable object)',
    // Node's module loader itself trips over it, and rejects the import with its own TypeError.
    importShows: 'on a proxy that has been revoked',
  },
];

function revokedProxy(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
