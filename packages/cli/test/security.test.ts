/**
 * The CLI pointed at a hostile project, as a child process: inspecting a tree
 * must not run its code unasked, nothing read from it may reach the terminal
 * as a control sequence, and a plugin that hangs its import or ends the
 * process is reported by name instead of taking the report with it.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTempProject } from './temp-project.ts';

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));

function cli(args: string[]) {
  const run = spawnSync(process.execPath, ['--conditions=@plugin-patterns/source', BIN, ...args], {
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** ESC, a C1 control, and the bidi overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw control characters is the point
const RAW = /[\u001b\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;

function project(files: Record<string, string | object>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'pp-cli-hostile-')));
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

describe('a host profile is configuration the user must trust first (--trust-host)', () => {
  const marker = (root: string) => join(root, 'host-ran');
  const hostile = () => {
    const root = makeTempProject({ hostProfile: true });
    // The profile's module now also leaves a trace when it runs.
    writeFileSync(
      join(root, 'host.js'),
      `import { writeFileSync } from 'node:fs';\n` +
        `writeFileSync(new URL('./host-ran', import.meta.url), 'ran');\n` +
        `export const pluginHost = { namespaces: {} };\n`,
    );
    return root;
  };

  it('list does not import the pluginHost module, and says how to apply it', () => {
    const root = hostile();
    const { code, err } = cli(['list', '--cwd', root]);
    expect(code).toBe(0);
    expect(existsSync(marker(root))).toBe(false);
    expect(err).toContain('"./host:pluginHost" was not imported');
    expect(err).toContain('--trust-host');
  });

  it('explain does not import it either (only the plugin it explains)', () => {
    const root = hostile();
    const { code, out } = cli(['explain', 'meter.pollster', 'cpu', '--cwd', root]);
    expect(code).toBe(0);
    expect(existsSync(marker(root))).toBe(false);
    expect(out).toContain('not imported: pass --trust-host');
  });

  it('imports it with --trust-host, and the help says so', () => {
    const root = hostile();
    expect(cli(['list', '--cwd', root, '--trust-host']).code).toBe(0);
    expect(existsSync(marker(root))).toBe(true);
    for (const command of ['list', 'explain']) {
      expect(cli([command, '--help']).out).toMatch(
        /--trust-host\s+import the project's "pluginHost"/,
      );
    }
  });
});

describe('nothing read from the project reaches the terminal raw', () => {
  const HOSTILE = '\u001b[2J\u009b31m\u202eevil\u2066';
  /** A pnpm-style layout: node_modules/meter-odd links into a folder whose name holds escapes. */
  const hostile = () => {
    const store = `node_modules/.pnpm/meter-odd${HOSTILE}/node_modules/meter-odd`;
    const root = project({
      'package.json': { name: 'host', version: '1.0.0', dependencies: { 'meter-odd': '1.0.0' } },
      [`${store}/package.json`]: {
        name: 'meter-odd',
        version: '1.0.0',
        type: 'module',
        exports: { './loud': './loud.js' },
        entryPoints: {
          'meter.pollster': {
            loud: './loud:Loud',
            odd: `./odd${HOSTILE}:Odd`,
          },
        },
      },
      [`${store}/loud.js`]: `throw new Error(${JSON.stringify(`broken ${HOSTILE} on import`)});\n`,
    });
    symlinkSync(join(root, store), join(root, 'node_modules/meter-odd'));
    return root;
  };

  it('list and explain escape paths, references and errors in text', () => {
    const root = hostile();
    const list = cli(['list', '--cwd', root]);
    expect(list.code).toBe(0);
    const explain = cli(['explain', 'meter.pollster', 'loud', '--cwd', root]);
    expect(explain.code).toBe(3);
    const refused = cli(['explain', 'meter.pollster', 'odd', '--cwd', root]);
    expect(refused.code).toBe(3);
    for (const run of [list, explain, refused]) {
      expect(run.out + run.err).not.toMatch(RAW);
    }
    // Escaped, not dropped: the reader sees that something was there.
    expect(explain.out).toContain('broken \\u001b[2J\\u009b31m\\u202eevil\\u2066 on import');
    expect(explain.out).toContain('meter-odd\\u001b[2J');
  });

  it('--json escapes them too, and a parser still reads the original text', () => {
    const root = hostile();
    const list = cli(['list', '--cwd', root, '--json']);
    const explain = cli(['explain', 'meter.pollster', 'loud', '--cwd', root, '--json']);
    for (const run of [list, explain]) expect(run.out).not.toMatch(RAW);
    const parsed = JSON.parse(explain.out) as { extensions: { manifest: string }[] };
    expect(parsed.extensions[0]?.manifest).toContain(`meter-odd${HOSTILE}`);
  });
});

describe('a plugin that hangs or ends the process while explain loads it', () => {
  it('reports a never-settling top-level await as a load time-out, exit 3 (not 13)', () => {
    const root = project({
      'package.json': { name: 'host', version: '1.0.0', dependencies: { 'meter-hang': '1.0.0' } },
      'node_modules/meter-hang/package.json': {
        name: 'meter-hang',
        version: '1.0.0',
        type: 'module',
        exports: { '.': './index.js' },
        entryPoints: { 'meter.pollster': { hang: '.:Hang' } },
      },
      'node_modules/meter-hang/index.js': 'await new Promise(() => {});\nexport class Hang {}\n',
    });
    const run = cli(['explain', 'meter.pollster', 'hang', '--cwd', root, '--load-timeout', '300']);
    expect(run.err).not.toContain('Warning');
    expect(run.code).toBe(3);
    expect(run.out).toContain('meter.pollster:hang');
    expect(run.out).toContain('did not settle within 300 ms');
  });

  it('names a plugin that calls process.exit(0) while it is imported, and exits non-zero', () => {
    const root = project({
      'package.json': { name: 'host', version: '1.0.0', dependencies: { 'meter-quit': '1.0.0' } },
      'node_modules/meter-quit/package.json': {
        name: 'meter-quit',
        version: '1.0.0',
        type: 'module',
        exports: { '.': './index.js' },
        entryPoints: { 'meter.pollster': { quitter: '.:Quit' } },
      },
      'node_modules/meter-quit/index.js': 'process.exit(0);\nexport class Quit {}\n',
    });
    const run = cli(['explain', 'meter.pollster', 'quitter', '--cwd', root]);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('process.exit(0)');
    expect(run.err).toContain('meter.pollster:quitter');
  });
});
