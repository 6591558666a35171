// Preloaded (`node --import`) by an untimed run of each host: counts the
// modules the process loads, so that a row can say how many its host imports
// against its baseline. Hooks slow loading down, so timed runs go without it.
import { registerHooks } from 'node:module';

globalThis.__pluginPatternsBenchModules = 0;
registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('node:')) globalThis.__pluginPatternsBenchModules += 1;
    return nextLoad(url, context);
  },
});
