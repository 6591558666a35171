/**
 * Reads a package's `exports` map the way Node's ESM resolver does, for one
 * subpath of that package, with the conditions an `import()` would use.
 *
 * Why not `require.resolve`? It applies the CommonJS conditions: an ESM-only
 * package that exports only under `"import"` would not resolve, and a dual
 * package would hand back its CommonJS build — a second copy of the plugin,
 * not the one an `import` sees. Node exposes no ESM resolver that starts from
 * another package's folder, so this file follows Node's documented algorithm
 * for the exports map (exact keys, `*` patterns, condition objects, fallback
 * arrays). It only reads the map: where the file is, Node's rules decide.
 */

/** Conditions an ESM import matches in Node 22+, before the host's own `--conditions`. */
const NODE_IMPORT_CONDITIONS = ['node', 'import', 'module-sync', 'node-addons', 'default'];

const DOT = 0x2e;
const SLASH = 0x2f;
const BACKSLASH = 0x5c;

export type ExportsLookup =
  | { readonly ok: true; readonly relativeFile: string }
  | { readonly ok: false; readonly why: string };

/**
 * Finds the file (relative to the package root, `./…`) that `subpath` is
 * exported as. Without `conditions`, those of this process (`activeConditions`).
 */
export function lookUpExport(
  exportsField: unknown,
  subpath: string,
  conditions?: readonly string[],
): ExportsLookup {
  const map = normalise(exportsField);
  if (map === undefined) return { ok: false, why: 'its "exports" field is not valid' };
  const matched = matchSubpath(map, subpath);
  if (matched === undefined)
    return { ok: false, why: `"${subpath}" is not exported by the package` };
  // A plain string target needs no conditions: they are looked up only for a condition object.
  const active = conditions === undefined ? undefined : new Set(conditions);
  const file = resolveTarget(matched.target, matched.star, active);
  if (file === undefined) {
    const names = conditions ?? memoised().list;
    return { ok: false, why: `"${subpath}" has no target for the conditions ${names.join(', ')}` };
  }
  return { ok: true, relativeFile: file };
}

/** The import conditions in force: Node's own plus `--conditions`/`-C` given to this process. */
export function activeConditions(): string[] {
  return [...memoised().list];
}

/**
 * Read on every plugin load, so parsed once per value of NODE_OPTIONS
 * (execArgv is fixed), and kept as the set a lookup checks against too.
 */
function memoised(): { readonly list: readonly string[]; readonly set: ReadonlySet<string> } {
  const options = process.env.NODE_OPTIONS;
  if (conditionsMemo === undefined || conditionsMemo.options !== options) {
    const list = Object.freeze(parseConditions(options));
    conditionsMemo = { options, list, set: new Set(list) };
  }
  return conditionsMemo;
}

let conditionsMemo:
  | { options: string | undefined; list: readonly string[]; set: ReadonlySet<string> }
  | undefined;

function parseConditions(nodeOptions: string | undefined): string[] {
  const args = [...process.execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  const user: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const inline = /^(?:--conditions|-C)=(.+)$/.exec(arg);
    if (inline?.[1] !== undefined) user.push(inline[1]);
    else if ((arg === '--conditions' || arg === '-C') && args[i + 1] !== undefined) {
      user.push(args[++i] as string);
    }
  }
  // Only membership matters: which condition wins is the order of the package's own keys.
  return [...user, ...NODE_IMPORT_CONDITIONS];
}

/** A subpath map and its keys (JSON.parse's own enumerable keys), or undefined when invalid. */
interface SubpathMap {
  readonly map: Readonly<Record<string, unknown>>;
  readonly keys: readonly string[];
}

const DOT_ONLY: readonly string[] = Object.freeze(['.']);

/** `"exports": "./x.js"` and condition-only objects mean the `.` subpath. */
function normalise(field: unknown): SubpathMap | undefined {
  if (typeof field === 'string' || Array.isArray(field))
    return { map: { '.': field }, keys: DOT_ONLY };
  if (typeof field !== 'object' || field === null) return undefined;
  const keys = Object.keys(field);
  let dotted = 0;
  for (let i = 0; i < keys.length; i++) if ((keys[i] as string).charCodeAt(0) === DOT) dotted++;
  if (dotted === 0) return { map: { '.': field }, keys: DOT_ONLY };
  // Node refuses a map that mixes subpaths and conditions.
  return dotted === keys.length ? { map: field as Record<string, unknown>, keys } : undefined;
}

function matchSubpath(
  { map, keys }: SubpathMap,
  subpath: string,
): { target: unknown; star: string | undefined } | undefined {
  if (!subpath.includes('*')) {
    // The exact key, found by comparing: asking the map for a property named by a string
    // made at discovery would first look that string up in the engine's table of names.
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (key === subpath) return { target: map[key], star: undefined };
    }
  }
  // Of the `*` patterns that match, the one with the longest part before `*` wins.
  let best: { key: string; star: string } | undefined;
  for (const key of keys) {
    const star = key.indexOf('*');
    if (star === -1 || key.indexOf('*', star + 1) !== -1) continue;
    const before = key.slice(0, star);
    const after = key.slice(star + 1);
    if (subpath.length < key.length || !subpath.startsWith(before) || !subpath.endsWith(after)) {
      continue;
    }
    if (best === undefined || before.length > best.key.indexOf('*')) {
      best = { key, star: subpath.slice(before.length, subpath.length - after.length) };
    }
  }
  return best === undefined ? undefined : { target: map[best.key], star: best.star };
}

/** The file `target` names; `conditions` undefined: this process's. */
function resolveTarget(
  target: unknown,
  star: string | undefined,
  conditions: ReadonlySet<string> | undefined,
): string | undefined {
  if (typeof target === 'string') {
    const relative = target.charCodeAt(0) === DOT && target.charCodeAt(1) === SLASH;
    if (!relative || hasBadSegment(target, 2)) return undefined;
    if (star === undefined) return target;
    return hasBadSegment(star, 0) ? undefined : target.replaceAll('*', star);
  }
  if (Array.isArray(target)) {
    for (const candidate of target) {
      const file = resolveTarget(candidate, star, conditions);
      if (file !== undefined) return file;
    }
    return undefined;
  }
  if (typeof target === 'object' && target !== null) {
    const active = conditions ?? memoised().set;
    // Object key order is the package author's priority order, as in Node.
    for (const [condition, value] of Object.entries(target)) {
      if (!active.has(condition)) continue;
      const file = resolveTarget(value, star, active);
      if (file !== undefined) return file;
    }
  }
  return undefined;
}

/**
 * A `..`, `.`, empty or `node_modules` segment (any case) in `path` from
 * index `from`, between `/` or `\\` separators: it would leave the package or
 * enter another. A loop over the characters, since it runs on every plugin load.
 */
function hasBadSegment(path: string, from: number): boolean {
  let start = from;
  for (let i = from; i <= path.length; i++) {
    const c = i === path.length ? SLASH : path.charCodeAt(i);
    if (c !== SLASH && c !== BACKSLASH) continue;
    const length = i - start;
    if (length === 0 || isDots(path, start, length) || isNodeModules(path, start, length)) {
      return true;
    }
    start = i + 1;
  }
  return false;
}

function isDots(path: string, start: number, length: number): boolean {
  return (
    length <= 2 &&
    path.charCodeAt(start) === DOT &&
    (length === 1 || path.charCodeAt(start + 1) === DOT)
  );
}

function isNodeModules(path: string, start: number, length: number): boolean {
  return length === 12 && path.slice(start, start + 12).toLowerCase() === 'node_modules';
}
