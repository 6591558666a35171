/**
 * Prototype pollution, made checkable. A manifest is JSON, and JSON.parse
 * makes `__proto__` an ordinary own key; code that then copies keys with
 * `target[key] = value` sets the target's *prototype* instead, and a key such
 * as `constructor` or `prototype` can reach further. The check is simple: the
 * built-in prototypes have exactly the same own properties, holding the same
 * values, after a case as before it.
 */

const WATCHED: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Promise.prototype', Promise.prototype],
  ['Error.prototype', Error.prototype],
];

export type PrototypeSnapshot = ReadonlyMap<string, ReadonlyMap<PropertyKey, unknown>>;

export function snapshotPrototypes(): PrototypeSnapshot {
  const snapshot = new Map<string, Map<PropertyKey, unknown>>();
  for (const [name, prototype] of WATCHED) {
    const members = new Map<PropertyKey, unknown>();
    for (const key of Reflect.ownKeys(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      members.set(key, descriptor?.value ?? descriptor?.get);
    }
    snapshot.set(name, members);
  }
  return snapshot;
}

/** What changed on a built-in prototype since `before`; empty when nothing did. */
export function pollutionSince(before: PrototypeSnapshot): string[] {
  const changes: string[] = [];
  const after = snapshotPrototypes();
  for (const [name, members] of after) {
    const earlier = before.get(name) ?? new Map();
    for (const [key, value] of members) {
      if (!earlier.has(key)) changes.push(`${name}.${String(key)} was added`);
      else if (earlier.get(key) !== value) changes.push(`${name}.${String(key)} was replaced`);
    }
    for (const key of earlier.keys()) {
      if (!members.has(key)) changes.push(`${name}.${String(key)} was removed`);
    }
  }
  // Plain objects must still inherit nothing unexpected.
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin', 'entryPoints', 'Plugin']) {
    if (probe[key] !== undefined) changes.push(`({}).${key} is now defined`);
  }
  return changes;
}
