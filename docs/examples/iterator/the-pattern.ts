// The iterator pattern in one file, no dependency: every enabled plugin is
// called in turn; one that throws is recorded and the others still run.
// Run: node the-pattern.ts
interface Pollster {
  name: string;
  poll(): number; // one reading of the resource this plugin watches
}

// The plugins, as discovery, enabling and import would hand them over, in order.
const pollsters: Pollster[] = [
  { name: 'cpu', poll: () => 12.5 },
  { name: 'disk', poll: () => readDevice('/dev/sda') },
  { name: 'memory', poll: () => 2048 },
];

function readDevice(path: string): number {
  throw new Error(`${path} is gone`);
}

// map: call each plugin, keep every answer and every failure, with its plugin.
function map<P extends { name: string }, R>(plugins: P[], call: (plugin: P) => R) {
  const values: { from: string; value: R }[] = [];
  const failures: { from: string; error: string }[] = [];
  for (const plugin of plugins) {
    try {
      values.push({ from: plugin.name, value: call(plugin) });
    } catch (error) {
      failures.push({ from: plugin.name, error: (error as Error).message });
    }
  }
  return { values, failures };
}

const run = map(pollsters, (pollster) => pollster.poll());
for (const { from, value } of run.values) console.log(`${from}: ${value}`);
for (const { from, error } of run.failures) console.log(`${from} failed: ${error}`);

// The other modes are the same loop: `first` stops at the first answer, a
// `pipeline` hands each plugin the previous plugin's answer.
