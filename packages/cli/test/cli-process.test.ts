/**
 * The CLI as a user runs it: a child process on a project folder made for the
 * test. What only a real process shows is checked here — exit codes, which
 * stream gets what, no colour in a pipe; the rendering details are unit-tested
 * beside the renderers.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeTempProject } from './temp-project.ts';

const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const TOUR_DIR = fileURLToPath(new URL('../../tour', import.meta.url));

function cli(args: string[], env: Record<string, string> = {}) {
  // A FORCE_COLOR in the test runner's own environment would colour every pipe here.
  const { FORCE_COLOR: _, ...inherited } = process.env;
  const run = spawnSync(process.execPath, ['--conditions=@plugin-patterns/source', BIN, ...args], {
    encoding: 'utf8',
    env: { ...inherited, ...env },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('plugin-patterns list (child process, temp project)', () => {
  const project = makeTempProject();

  it('lists every declared plugin, and the refused one with its reason', () => {
    const { code, out, err } = cli(['list', '--cwd', project]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).not.toContain('\u001b[');
    const rows = out
      .trimEnd()
      .split('\n')
      .slice(1)
      .filter((line) => line.startsWith('meter.'))
      .map((l) => l.split(/\s+/).slice(0, 4));
    expect(rows).toEqual([
      ['meter.pollster', 'cpu', 'enabled', 'demo-meters@1.2.3'],
      ['meter.pollster', 'memory', 'enabled', 'demo-meters@1.2.3'],
      ['meter.pollster', 'broken', 'enabled', 'demo-meters@1.2.3'],
      ['meter.pollster', 'escapee', 'failed', '(discovery)'],
    ]);
    expect(out).toMatch(/escapee.*climbs out of the package/);
  });

  it('prints JSON that a script can read', () => {
    const { code, out } = cli(['list', 'meter.pollster', '--cwd', project, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { extensions: { name: string; source: string }[] };
    expect(json.extensions.map((e) => e.name)).toEqual(['cpu', 'memory', 'broken', 'escapee']);
    expect(json.extensions[0]?.source).toBe('demo-meters@1.2.3');
  });

  it('suggests the closest namespace on stderr and exits 1', () => {
    const { code, out, err } = cli(['list', 'meter.polster', '--cwd', project]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('Did you mean "meter.pollster"?');
  });
});

describe('plugin-patterns explain (child process, temp project)', () => {
  const project = makeTempProject();

  it('imports a working plugin and exits 0', () => {
    const { code, out } = cli(['explain', 'meter.pollster', 'cpu', '--cwd', project]);
    expect(code).toBe(0);
    expect(out).toContain('demo-meters@1.2.3 (found by package-scan)');
    expect(out).toContain(`${project}/node_modules/demo-meters/package.json`);
    expect(out).toMatch(/import\s+importer\s+passed/);
  });

  it('shows where a broken plugin stopped and exits 3', () => {
    const { code, out } = cli(['explain', 'meter.pollster', 'broken', '--cwd', project]);
    expect(code).toBe(3);
    expect(out).toContain('failed at import');
    expect(out).toContain('broken.js fails while it is imported');
  });

  it('suggests the closest plugin and exits 1', () => {
    const { code, err } = cli(['explain', 'meter.pollster', 'cpux', '--cwd', project]);
    expect(code).toBe(1);
    expect(err).toContain('Did you mean "cpu"?');
  });
});

describe('host profile (child process, temp project)', () => {
  const project = makeTempProject({ hostProfile: true });

  it("applies the host's enabling policy in list", () => {
    const { code, out } = cli(['list', '--cwd', project, '--trust-host', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { extensions: { name: string; reason?: string }[] };
    const memory = json.extensions.find((e) => e.name === 'memory');
    expect(memory?.reason).toBe('disabled by deny-list: denied by the host');
  });

  it('says which host policies decide only once a plugin is loaded', () => {
    const { out } = cli(['list', '--cwd', project, '--trust-host']);
    expect(out).toContain('meter.pollster: asks-the-plugin decides only when a plugin is loaded');
  });

  it("runs the host's integration and contract in explain", () => {
    const { code, out } = cli([
      'explain',
      'meter.pollster',
      'cpu',
      '--cwd',
      project,
      '--trust-host',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/integration\s+construct\s+passed/);
    expect(out).toMatch(/enforcement\s+pollster convention\s+passed/);
    expect(out).toMatch(/enabling\s+asks-the-plugin\s+passed\s+available here/);
    expect(out).not.toContain('not checked');
  });
});

describe("a newcomer's first commands (child process)", () => {
  it('prints the help and exits 0 when run with nothing', () => {
    const { code, out } = cli([]);
    expect(code).toBe(0);
    expect(out).toContain('Usage: plugin-patterns <command>');
  });

  it('prints the version with -v', () => {
    const { code, out } = cli(['-v']);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('colours a pipe with FORCE_COLOR, and not with --no-color as well', () => {
    const project = makeTempProject();
    expect(cli(['list', '--cwd', project], { FORCE_COLOR: '1' }).out).toContain('\u001b[');
    const plain = cli(['list', '--cwd', project, '--no-color'], { FORCE_COLOR: '1' });
    expect(plain.code).toBe(0);
    expect(plain.out).not.toContain('\u001b[');
  });

  it('with --json, writes an error as JSON on stdout and exits non-zero', () => {
    const { code, out, err } = cli(['list', 'nope', '--cwd', makeTempProject(), '--json']);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(JSON.parse(out)).toMatchObject({ error: { kind: 'error', exitCode: 1 } });
  });
});

describe('usage and the tour (child process)', () => {
  it('exits 2 on an unknown option, with the closest one', () => {
    const { code, err } = cli(['list', '--josn']);
    expect(code).toBe(2);
    expect(err).toContain('Did you mean --json?');
  });

  it('says the tour is not installed in a project without it, and exits 1', () => {
    const { code, err } = cli(['tour', '--cwd', makeTempProject()]);
    expect(code).toBe(1);
    expect(err).toContain('@plugin-patterns/tour is not installed in');
  });
});

describe('plugin-patterns tour (child process, the tour package)', () => {
  it('runs the tour found from --cwd and prints its result as JSON', () => {
    const { code, out, err } = cli(['tour', '--cwd', TOUR_DIR, '--storage', 'memory:', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { storage: { driver: string }; stages: object };
    expect(result.storage.driver).toBe('memory');
    expect(Object.keys(result.stages)).toEqual([
      'discovery',
      'enabling',
      'enforcement',
      'invocation',
    ]);
  });

  it('names the closest storage driver for an unknown scheme, and exits 1', () => {
    const { code, err } = cli(['tour', '--cwd', TOUR_DIR, '--storage', 'sqlit:///tmp/x.db']);
    expect(code).toBe(1);
    expect(err).toContain('the tour failed');
    expect(err).toContain('Did you mean "sqlite"?');
  });
});

describe("the README's console session", () => {
  const ROOT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

  /** Each `$ command` of the README's console blocks, with the lines it shows. */
  function session(): { command: string; shown: string }[] {
    const steps: { command: string; shown: string[] }[] = [];
    for (const block of readme.matchAll(/```console\n([\s\S]*?)```/g)) {
      for (const line of (block[1] ?? '').split('\n')) {
        if (line.startsWith('$ ')) steps.push({ command: line.slice(2), shown: [] });
        else steps.at(-1)?.shown.push(line);
      }
    }
    return steps.map((s) => ({ command: s.command, shown: s.shown.join('\n').trimEnd() }));
  }

  it('prints what the README shows, command by command (the repository folder as /…)', () => {
    const steps = session();
    expect(steps.length).toBeGreaterThan(1);
    let lastCode: number | null = null;
    for (const { command, shown } of steps) {
      if (command === 'echo $?') {
        expect(String(lastCode), command).toBe(shown);
        continue;
      }
      const args = command.replace(/^pnpm plugin-patterns /, '').split(' ');
      const cwd = args.indexOf('--cwd');
      if (cwd !== -1) args[cwd + 1] = `${ROOT}/${args[cwd + 1]}`;
      const { code, out } = cli(args);
      lastCode = code;
      expect(out.replaceAll(ROOT, '/…').trimEnd(), command).toBe(shown);
    }
  });
});
