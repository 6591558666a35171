/**
 * What a newcomer meets first: errors a script can read with --json, colour
 * as the environment asks, `list` saying what "enabled" means, and `explain`
 * giving each reason once.
 */
import { describe, expect, it } from 'vitest';
import { recordingIo } from './cli-io.ts';
import { EXIT } from './exit-codes.ts';
import { main } from './main.ts';
import { ENABLED_MEANS } from './render/list-view.ts';
import { fakeScan, tempProject } from './test-fakes.ts';

async function run(args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const io = recordingIo({
    cwd: tempProject(),
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    env: options.env ?? {},
  });
  const code = await main(args, { io, scanProject: fakeScan() });
  return { code, out: io.out(), err: io.err() };
}

interface JsonError {
  readonly error: { kind: string; message: string; hint?: string; exitCode: number };
}

describe('--json: errors are JSON on stdout, with the same exit code', () => {
  it('reports a namespace that does not exist', async () => {
    const { code, out, err } = await run(['list', 'meter.polster', '--json']);
    expect(code).toBe(EXIT.error);
    expect(err).toBe('');
    const json = JSON.parse(out) as JsonError;
    expect(json.error).toMatchObject({ kind: 'error', exitCode: EXIT.error });
    expect(json.error.message).toContain('Did you mean "meter.pollster"?');
  });

  it('reports a usage error, with its hint, and exit code 2', async () => {
    const { code, out, err } = await run(['explain', 'meter.pollster', '--json']);
    expect(code).toBe(EXIT.usage);
    expect(err).toBe('');
    const json = JSON.parse(out) as JsonError;
    expect(json.error).toMatchObject({ kind: 'usage', exitCode: EXIT.usage });
    expect(json.error.message).toContain('missing argument <name>');
    expect(json.error.hint).toContain('--help');
  });

  it('reports an unknown command given with --json', async () => {
    const { code, out } = await run(['lsit', '--json']);
    expect(code).toBe(EXIT.usage);
    expect((JSON.parse(out) as JsonError).error.message).toContain('Did you mean "list"?');
  });

  it('leaves errors as text without --json', async () => {
    const { out, err } = await run(['list', 'meter.polster']);
    expect(out).toBe('');
    expect(err).toMatch(/^error: /);
  });
});

describe('colour: FORCE_COLOR and --no-color', () => {
  it('colours a pipe when FORCE_COLOR asks, and not when it says 0', async () => {
    expect((await run(['list'], { env: { FORCE_COLOR: '1' } })).out).toContain('\u001b[');
    expect((await run(['list'], { tty: true, env: { FORCE_COLOR: '0' } })).out).not.toContain(
      '\u001b[',
    );
  });

  it('never colours with --no-color, before or after the command', async () => {
    for (const args of [
      ['--no-color', 'list'],
      ['list', '--no-color'],
    ]) {
      const { code, out } = await run(args, { tty: true, env: { FORCE_COLOR: '1' } });
      expect(code).toBe(EXIT.ok);
      expect(out).toContain('meter.pollster');
      expect(out).not.toContain('\u001b[');
    }
  });

  it('does not colour errors either with --no-color', async () => {
    const { err } = await run(['--no-color', 'list', 'nope'], { tty: true });
    expect(err).toMatch(/^error: /);
    expect(err).not.toContain('\u001b[');
  });
});

describe('list: what "enabled" means', () => {
  it('says under the table that enabled is declared and not refused, nothing tried yet', async () => {
    const { out } = await run(['list']);
    expect(out).toContain('enabled: declared, and not refused by a policy');
    expect(out).toContain('Import and contract are not tried yet');
    for (const line of ENABLED_MEANS.split('\n')) expect(out).toContain(line);
  });

  it('says it in --json as the stages that ran and those not tried', async () => {
    const json = JSON.parse((await run(['list', '--json'])).out) as {
      stages: { run: string[]; notTried: string[] };
    };
    expect(json.stages).toEqual({
      run: ['discovery', 'enabling'],
      notTried: ['import', 'integration', 'enforcement'],
    });
  });
});

describe('explain: each reason once', () => {
  it('tells an import failure in its row only; state and last error point at it', async () => {
    const { code, out } = await run(['explain', 'meter.pollster', 'broken']);
    expect(code).toBe(EXIT.notUsable);
    expect(out.split('boom at import').length - 1).toBe(1);
    expect(out).toMatch(/state\s+failed at import \(why: the import row above\)/);
    expect(out).toMatch(/last error\s+the import failure above/);
  });

  it('tells a discovery refusal once too', async () => {
    const { out } = await run(['explain', 'meter.pollster', 'escapee']);
    expect(out.split('is refused').length - 1).toBe(1);
  });
});
