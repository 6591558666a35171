/**
 * A throwaway project on disk, as a user's would be: a host package.json,
 * and under node_modules one plugin package (plain `.js`, as published
 * packages are), one package that declares nothing, and optionally a host
 * profile. The CLI is run against it as a child process.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempProjectOptions {
  /** Adds `"pluginHost": "./host:pluginHost"` and a host.js that denies `memory`. */
  readonly hostProfile?: boolean;
}

export function makeTempProject(options: TempProjectOptions = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'pp-cli-project-'));
  const write = (path: string, content: string | object) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  };
  write('package.json', {
    name: 'demo-host',
    version: '1.0.0',
    type: 'module',
    dependencies: { 'demo-meters': '^1.2.0', 'plain-lib': '^1.0.0' },
    ...(options.hostProfile
      ? { exports: { './host': './host.js' }, pluginHost: './host:pluginHost' }
      : {}),
  });
  write('node_modules/demo-meters/package.json', {
    name: 'demo-meters',
    version: '1.2.3',
    type: 'module',
    exports: { './cpu': './cpu.js', './broken': './broken.js', './memory': './memory.js' },
    entryPoints: {
      'meter.pollster': {
        cpu: './cpu:CpuPollster',
        memory: './memory:MemoryPollster',
        broken: './broken:BrokenPollster',
        escapee: '../plain-lib/index:Anything',
      },
    },
  });
  write(
    'node_modules/demo-meters/cpu.js',
    'export class CpuPollster { meters = ["cpu"]; poll() { return []; } }\n',
  );
  write(
    'node_modules/demo-meters/memory.js',
    'export class MemoryPollster { meters = ["memory"]; }\n',
  );
  write(
    'node_modules/demo-meters/broken.js',
    'throw new Error("broken.js fails while it is imported");\n',
  );
  write('node_modules/plain-lib/package.json', { name: 'plain-lib', version: '1.0.0' });
  write('node_modules/plain-lib/index.js', 'export const Anything = 1;\n');
  if (options.hostProfile) write('host.js', HOST_JS);
  return root;
}

/** A host profile written by hand, with no imports: policies and contracts are plain objects. */
const HOST_JS = `
const denyMemory = {
  name: 'deny-list',
  select(candidates) {
    const names = [...new Set(candidates.map((c) => c.name))];
    return {
      enabled: names.filter((n) => n !== 'memory'),
      disabled: names.filter((n) => n === 'memory').map((name) => ({ name, reason: 'denied by the host' })),
    };
  },
};
const asksThePlugin = {
  name: 'asks-the-plugin',
  select: (candidates) => ({ enabled: [...new Set(candidates.map((c) => c.name))], disabled: [] }),
  afterLoad: (plugin) => ({ available: true }),
};
const construct = { name: 'construct', integrate: (Exported) => new Exported() };
const hasPoll = {
  name: 'pollster convention',
  check: (value) =>
    typeof value?.poll === 'function'
      ? { ok: true, value }
      : { ok: false, issues: [{ path: 'poll', message: 'must be a method' }] },
};
export const pluginHost = {
  namespaces: { 'meter.pollster': { policies: [denyMemory, asksThePlugin], integration: construct, contract: hasPoll } },
};
`;
