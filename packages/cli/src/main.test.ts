import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingIo } from './cli-io.ts';
import { EXIT } from './exit-codes.ts';
import { main } from './main.ts';
import { fakeScan, tempProject } from './test-fakes.ts';

async function run(args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const io = recordingIo({
    cwd: tempProject(),
    stdoutIsTTY: options.tty ?? false,
    env: options.env ?? {},
  });
  const code = await main(args, { io, scanProject: fakeScan() });
  return { code, out: io.out(), err: io.err() };
}

describe('main: routing and help', () => {
  it('prints the help with every command and the exit codes', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(EXIT.ok);
    for (const command of ['list', 'explain', 'tour']) expect(out).toContain(`  ${command} `);
    expect(out).toContain('Exit codes:');
  });

  it('prints the help and exits 0 without a command: asking is not a mistake', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('Usage: plugin-patterns <command>');
    expect(err).toBe('');
  });

  it('suggests the closest command', async () => {
    const { code, err } = await run(['lsit']);
    expect(code).toBe(EXIT.usage);
    expect(err).toContain('unknown command "lsit". Did you mean "list"?');
  });

  it('prints a command help that says explain imports the plugin', async () => {
    const { code, out } = await run(['explain', '--help']);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('explain IMPORTS the plugin it explains');
  });

  it('prints the version with --version and with -v', async () => {
    for (const flag of ['--version', '-v']) {
      const { code, out } = await run([flag]);
      expect(code).toBe(EXIT.ok);
      expect(out).toMatch(/^\d+\.\d+\.\d+\n$/);
    }
  });

  it('lists -v, --json and --no-color in the help', async () => {
    const { out } = await run(['--help']);
    expect(out).toContain('-v, --version');
    expect(out).toContain('--json');
    expect(out).toContain('--no-color');
  });
});

describe('main: list', () => {
  it('lists every extension with its state, source and reason', async () => {
    const { code, out } = await run(['list']);
    expect(code).toBe(EXIT.ok);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+STATE\s+SOURCE\s+REASON$/);
    const rows = lines.slice(1).filter((line) => line.startsWith('meter.'));
    expect(rows.map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ['meter.pollster', 'cpu', 'enabled'],
      ['meter.pollster', 'broken', 'enabled'],
      ['meter.pollster', 'escapee', 'failed'],
      ['meter.storage', 'memory', 'enabled'],
    ]);
    expect(out).toContain('fake-meters@2.1.0');
    expect(out).toContain('import reference "../outside:default" is refused');
  });

  it('filters by namespace and prints JSON', async () => {
    const { code, out } = await run(['list', 'meter.storage', '--json']);
    expect(code).toBe(EXIT.ok);
    const json = JSON.parse(out) as { extensions: { name: string; status: string }[] };
    expect(json.extensions.map((e) => [e.name, e.status])).toEqual([['memory', 'enabled']]);
  });

  it('suggests the closest namespace and exits 1', async () => {
    const { code, err, out } = await run(['list', 'meter.polster']);
    expect(code).toBe(EXIT.error);
    expect(out).toBe('');
    expect(err).toContain('no namespace "meter.polster"');
    expect(err).toContain('Did you mean "meter.pollster"?');
  });

  it('colours only a terminal, and never when NO_COLOR is set', async () => {
    expect((await run(['list'], { tty: true })).out).toContain('\u001b[');
    expect((await run(['list'], { tty: true, env: { NO_COLOR: '1' } })).out).not.toContain(
      '\u001b[',
    );
    expect((await run(['list'])).out).not.toContain('\u001b[');
  });
});

describe('main: explain', () => {
  it('imports the plugin and shows each step of its story', async () => {
    const { code, out } = await run(['explain', 'meter.pollster', 'cpu']);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('meter.pollster:cpu  enabled');
    expect(out).toContain('fake-meters@2.1.0 (found by package-scan)');
    expect(out).toContain('/fake/node_modules/fake-meters/package.json');
    expect(out).toMatch(/discovery\s+fake-scan\s+passed/);
    expect(out).toMatch(/import\s+importer\s+passed\s+imported default/);
    expect(out).toContain('integration: not checked: the project declares no "pluginHost"');
    expect(out).toMatch(/last error\s+none/);
  });

  it('shows the import failure and exits 3', async () => {
    const { code, out } = await run(['explain', 'meter.pollster', 'broken']);
    expect(code).toBe(EXIT.notUsable);
    expect(out).toContain('failed (import)');
    expect(out).toContain('boom at import');
    expect(out).toContain('integration: not reached');
  });

  it('explains a declaration refused at discovery', async () => {
    const { code, out } = await run(['explain', 'meter.pollster', 'escapee', '--json']);
    expect(code).toBe(EXIT.notUsable);
    const json = JSON.parse(out) as { extensions: { report: { stage: string } }[] };
    expect(json.extensions[0]?.report.stage).toBe('discovery');
  });

  it('suggests the closest plugin name and exits 1', async () => {
    const { code, err } = await run(['explain', 'meter.pollster', 'cpux']);
    expect(code).toBe(EXIT.error);
    expect(err).toContain('no plugin "cpux" in namespace meter.pollster. Did you mean "cpu"?');
    expect(err).toContain('hint: plugins: cpu, broken, escapee');
  });

  it('exits 2 when an argument is missing', async () => {
    const { code, err } = await run(['explain', 'meter.pollster']);
    expect(code).toBe(EXIT.usage);
    expect(err).toContain('missing argument <name>');
  });
});

describe('main: project folder', () => {
  it('refuses a folder without package.json', async () => {
    const { code, err } = await run(['list', '--cwd', '/']);
    expect(code).toBe(EXIT.error);
    expect(err).toContain('has no package.json');
  });

  it('reports a package.json that is not JSON as an error, not a crash', async () => {
    const root = tempProject();
    writeFileSync(join(root, 'package.json'), '{ not json');
    const io = recordingIo({ cwd: root });
    const code = await main(['list'], { io, scanProject: fakeScan() });
    expect(code).toBe(EXIT.error);
    expect(io.err()).toMatch(/^error: cannot read .*package\.json: /);
    expect(io.err()).not.toContain('internal error');
  });

  it('says the tour is not installed in a project without it', async () => {
    const { code, err } = await run(['tour']);
    expect(code).toBe(EXIT.error);
    expect(err).toContain('@plugin-patterns/tour is not installed in');
  });
});
