/**
 * Which plugin has code running when the process ends. A plugin runs in the
 * host's process, so nothing stops it from calling `process.exit()` while
 * its module is imported or while the host calls it: the host is gone at
 * once, with the exit code the plugin chose, often 0. That cannot be
 * prevented in-process (isolation can: a worker or a child process), but it
 * must not be silent.
 *
 * The loader notes each plugin it is loading (import, construction, contract,
 * self-check: until the load settles or its time limit gives up on it), and
 * the plugin whose method the guard is calling right now. One `exit` listener
 * reads that when the process ends: if a plugin was at work, it names it on
 * stderr, and an exit code of 0 becomes 1, so a script or a supervisor sees a
 * failure. An exit that comes after the event loop ran dry (`beforeExit`
 * fired) is the host's normal end, not a plugin's doing, and is left alone.
 *
 * What this cannot see: a plugin that exits from a timer or a promise
 * callback of its own, after its import or call has returned.
 */

/** Who a plugin is, as the records carry it. */
export interface PluginName {
  readonly namespace: string;
  readonly name: string;
}

/** The exit code given when a plugin ended the process with 0. */
export const PLUGIN_ENDED_PROCESS_EXIT_CODE = 1;

/** Loads in flight, each with the stage it has reached. */
const loading = new Set<{ readonly plugin: PluginName; readonly progress: { stage: string } }>();
/**
 * The plugin whose method is on the stack, and that method: calls nest, so
 * each caller restores the previous plugin. One record, updated in place on
 * every call (never allocated per call).
 */
const atWork: { plugin: PluginName | undefined; method: string | undefined } = {
  plugin: undefined,
  method: undefined,
};
let watching = false;
let ranDry = false;

/** Marks a plugin as loading; the function returned unmarks it (calling it twice is harmless). */
export function loadingStarted(plugin: PluginName, progress: { stage: string }): () => void {
  watchExits();
  const entry = { plugin, progress };
  loading.add(entry);
  return () => {
    loading.delete(entry);
  };
}

/**
 * Marks a plugin's method as running; pass the answer to `callEnded` when it
 * returns or throws. Two assignments and nothing else: the guard does this on
 * every call. No "is the listener started?" here: the loader starts it when
 * an extension becomes callable (loaded, or handed in), before any call can
 * get here. Started from here, by the first call, that start stayed compiled
 * into the guard's hot path: dispatch by name measured 1.57-1.80x `Map.get`
 * with it, 1.48-1.62x without (micro-runs on a busy machine).
 */
export function callStarted(
  plugin: PluginName,
  method: string | undefined,
): PluginName | undefined {
  const previous = atWork.plugin;
  atWork.plugin = plugin;
  atWork.method = method;
  return previous;
}

export function callEnded(previous: PluginName | undefined): void {
  atWork.plugin = previous;
  atWork.method = undefined;
}

/** What the exit listener would say now; undefined when no plugin is at work. */
export function pluginsAtWork(): string | undefined {
  const busy: string[] = [];
  const called = atWork.plugin;
  if (called !== undefined) {
    const doing = atWork.method === undefined ? 'called' : `in ${atWork.method}()`;
    busy.push(`${called.namespace}:${called.name} (${doing})`);
  }
  for (const { plugin, progress } of loading) {
    busy.push(`${plugin.namespace}:${plugin.name} (loading, at ${progress.stage})`);
  }
  return busy.length === 0 ? undefined : busy.join(', ');
}

/**
 * Starts the exit listener, once: when the first plugin can run code, as its
 * load starts, or as an extension becomes callable (loaded, or handed in by
 * the host: `Extension.preloaded`).
 */
export function watchExits(): void {
  if (watching) return;
  watching = true;
  process.on('beforeExit', () => {
    ranDry = true;
  });
  process.on('exit', (code) => {
    const busy = ranDry ? undefined : pluginsAtWork();
    if (busy === undefined) return;
    process.stderr.write(
      `plugin-patterns: the process is exiting, with code ${code}, while plugin code runs: ${busy}. ` +
        `A plugin that calls process.exit(${code}) ends its host; run plugins you do not trust in a worker or a child process.\n`,
    );
    if (code === 0) process.exitCode = PLUGIN_ENDED_PROCESS_EXIT_CODE;
  });
}

/**
 * The note itself, for a loop over many plugins (the iterator's runs): the
 * loop writes `plugin` as it reaches each one and puts back what it found
 * when it ends, instead of marking each call.
 */
export function atWorkNote(): { plugin: PluginName | undefined; method: string | undefined } {
  watchExits();
  return atWork;
}
