// The memory benchmark's child: how much discovering every plugin of an
// install, without loading any, adds to the process's peak RSS, in a process
// that runs the built packages (type stripping would have grown the process
// before discovery starts, and hidden part of what discovery adds).
//
// The loader is imported first (that is the baseline process), garbage is
// collected, and the RSS is read. On Linux the peak is then reset to the
// current RSS (/proc/self/clear_refs), so the peak read after discovery is
// discovery's own, not the start-up's; elsewhere the lifetime peak is used,
// which can only overstate. Prints one line of JSON.
//
//     node --expose-gc discovery-memory.js <install>
import { readFileSync, writeFileSync } from 'node:fs';
import { ExtensionSet, packageScan } from '@plugin-patterns/loader';

const [cwd] = process.argv.slice(2);
const collect = globalThis.gc;
for (let i = 0; i < 3; i++) collect?.();
const heapBefore = process.memoryUsage().heapUsed;
const before = process.memoryUsage.rss();
const peakReset = resetPeak();

const set = ExtensionSet.discover({
  namespace: 'bench.storage',
  sources: [packageScan({ cwd, cache: false })],
});

const after = process.memoryUsage.rss();
const peak = Math.max(after, peakRss());
// What stays once the garbage is gone: the set itself, and what Node and V8 keep.
for (let i = 0; i < 3; i++) collect?.();
const memory = process.memoryUsage();
console.log(
  JSON.stringify({
    before,
    peak,
    added: peak - before,
    rssAfterGc: memory.rss - before,
    heapAfterGc: memory.heapUsed - heapBefore,
    plugins: set.extensions.length,
    method: peakReset ? 'VmHWM after clear_refs' : 'maxRSS (lifetime)',
  }),
);

function resetPeak() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** The peak RSS in bytes: VmHWM where /proc has it, getrusage's maxRSS otherwise. */
function peakRss() {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}
