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

export type ExportsLookup =
  | { readonly ok: true; readonly relativeFile: string }
  | { readonly ok: false; readonly why: string };

/** Finds the file (relative to the package root, `./…`) that `subpath` is exported as. */
export function lookUpExport(
  exportsField: unknown,
  subpath: string,
  conditions: readonly string[] = activeConditions(),
): ExportsLookup {
  const map = normalise(exportsField);
  if (map === undefined) return { ok: false, why: 'its "exports" field is not valid' };
  const matched = matchSubpath(map, subpath);
  if (matched === undefined)
    return { ok: false, why: `"${subpath}" is not exported by the package` };
  const file = resolveTarget(matched.target, matched.star, new Set(conditions));
  if (file === undefined) {
    return {
      ok: false,
      why: `"${subpath}" has no target for the conditions ${conditions.join(', ')}`,
    };
  }
  return { ok: true, relativeFile: file };
}

/** The import conditions in force: Node's own plus `--conditions`/`-C` given to this process. */
export function activeConditions(): string[] {
  // Read on every plugin load, so parsed once per value of NODE_OPTIONS (execArgv is fixed).
  const options = process.env.NODE_OPTIONS;
  if (conditionsMemo === undefined || conditionsMemo.options !== options) {
    conditionsMemo = { options, conditions: Object.freeze(parseConditions(options)) };
  }
  return [...conditionsMemo.conditions];
}

let conditionsMemo: { options: string | undefined; conditions: readonly string[] } | undefined;

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

/** `"exports": "./x.js"` and condition-only objects mean the `.` subpath. */
function normalise(field: unknown): Record<string, unknown> | undefined {
  if (typeof field === 'string' || Array.isArray(field)) return { '.': field };
  if (typeof field !== 'object' || field === null) return undefined;
  const keys = Object.keys(field);
  const dotted = keys.filter((k) => k.startsWith('.'));
  if (dotted.length === 0) return { '.': field };
  // Node refuses a map that mixes subpaths and conditions.
  return dotted.length === keys.length ? (field as Record<string, unknown>) : undefined;
}

function matchSubpath(
  map: Record<string, unknown>,
  subpath: string,
): { target: unknown; star: string | undefined } | undefined {
  if (Object.hasOwn(map, subpath) && !subpath.includes('*')) {
    return { target: map[subpath], star: undefined };
  }
  // Of the `*` patterns that match, the one with the longest part before `*` wins.
  let best: { key: string; star: string } | undefined;
  for (const key of Object.keys(map)) {
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

function resolveTarget(
  target: unknown,
  star: string | undefined,
  conditions: ReadonlySet<string>,
): string | undefined {
  if (typeof target === 'string') {
    if (!target.startsWith('./') || hasBadSegment(target.slice(2))) return undefined;
    if (star === undefined) return target;
    return hasBadSegment(star) ? undefined : target.replaceAll('*', star);
  }
  if (Array.isArray(target)) {
    for (const candidate of target) {
      const file = resolveTarget(candidate, star, conditions);
      if (file !== undefined) return file;
    }
    return undefined;
  }
  if (typeof target === 'object' && target !== null) {
    // Object key order is the package author's priority order, as in Node.
    for (const [condition, value] of Object.entries(target)) {
      if (!conditions.has(condition)) continue;
      const file = resolveTarget(value, star, conditions);
      if (file !== undefined) return file;
    }
  }
  return undefined;
}

/** `..`, `.`, empty and `node_modules` segments would leave the package or enter another. */
function hasBadSegment(path: string): boolean {
  return path
    .split(/[/\\]/)
    .some((s) => s === '..' || s === '.' || s === '' || s.toLowerCase() === 'node_modules');
}
