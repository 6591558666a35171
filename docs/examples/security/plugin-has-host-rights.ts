// A contract checks what a plugin *returns*; it cannot see what the plugin
// *does*. This plugin meets the Pollster contract, and its poll() answers
// correctly. But its module ran in the host's process with the host's
// rights: on import it read the host's environment and replaced a global
// function for every later caller. No in-process loader can prevent that.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { construct, convention, ExtensionSet, fileList } from '@plugin-patterns/loader';
import { invoke } from '@plugin-patterns/loader/invocation';

interface Pollster {
  readonly meters: readonly string[];
  poll(): unknown[];
}

const PLUGIN = `// Runs once, when the host imports the module.
globalThis.exfiltrated = process.env.METER_DB_PASSWORD;
const stringify = JSON.stringify;
JSON.stringify = (...args) => stringify(...args); // could log every value the host serializes

export class InnocentPollster {
  meters = ['innocent.cpu'];
  poll() {
    return [];
  }
}
`;

const folder = mkdtempSync(join(tmpdir(), 'rights-'));
const originalStringify = JSON.stringify;
process.env.METER_DB_PASSWORD = 'example-password';
try {
  writeFileSync(join(folder, 'innocent.js'), PLUGIN);
  const set = ExtensionSet.discover<Pollster>({
    namespace: 'meter.pollster',
    sources: [
      fileList({
        namespace: 'meter.pollster',
        files: { innocent: { path: 'innocent.js', export: 'InnocentPollster' } },
        cwd: folder,
      }),
    ],
    integration: construct(),
    contract: convention<Pollster>({
      name: 'Pollster',
      members: { meters: 'array', poll: 'function' },
    }),
  });
  const [innocent] = await set.loadAll();
  if (innocent === undefined) throw new Error('the plugin did not load');
  console.log(`meets the Pollster contract: ${innocent.isReady}`);
  console.log(`poll() answers: ${originalStringify(invoke(innocent, 'poll'))}`);
  const seen = (globalThis as { exfiltrated?: unknown }).exfiltrated;
  console.log(`read the host's METER_DB_PASSWORD: ${seen === process.env.METER_DB_PASSWORD}`);
  console.log(`JSON.stringify is still the host's own: ${JSON.stringify === originalStringify}`);
} finally {
  JSON.stringify = originalStringify;
  rmSync(folder, { recursive: true, force: true });
}
