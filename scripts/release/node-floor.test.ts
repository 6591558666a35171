/**
 * What a user of a Node.js older than the floor is told, on the machine's own
 * older Node.js (a fresh machine's Node.js 20; Node.js 20 from the npm registry
 * where there is none): the built loader throws UnsupportedNodeError naming the
 * Node.js it needs, and the command prints that in one line and exits 1. The
 * release check does the same with the packages installed from a registry.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mustRun, ROOT, run } from './consumer.ts';
import { type OlderNode, olderNode } from './older-node.ts';

let old: OlderNode;
// Without the tests' source condition: a user's Node.js runs the built files.
const { NODE_OPTIONS: _, ...env } = process.env;
const needs = 'needs Node.js 22.18.0 or later (22.18+ or 24)';

beforeAll(() => {
  mustRun(
    'pnpm',
    ['turbo', 'run', 'build', '--output-logs=errors-only', '--filter=@plugin-patterns/cli'],
    ROOT,
  );
  old = olderNode();
}, 240_000);

describe('an unsupported Node.js', () => {
  it('is older than the floor (the test would prove nothing on a supported one)', () => {
    const [major = 0, minor = 0] = old.version.split('.').map(Number);
    expect(major < 22 || (major === 22 && minor < 18)).toBe(true);
  });

  it('gets UnsupportedNodeError from the loader, naming the Node.js it needs', () => {
    const loader = join(ROOT, 'packages', 'loader', 'dist', 'index.js');
    const imported = run(
      old.path,
      ['--input-type=module', '-e', `await import(${JSON.stringify(loader)})`],
      ROOT,
      env,
    );
    expect(imported.status).not.toBe(0);
    expect(imported.stderr).toContain(
      `UnsupportedNodeError: @plugin-patterns/loader ${needs}; this is Node.js ${old.version}.`,
    );
    expect(imported.stderr).not.toContain('SyntaxError');
  });

  it('gets one line from the command, and exit code 1', () => {
    const bin = join(ROOT, 'packages', 'cli', 'bin', 'plugin-patterns.js');
    const cli = run(old.path, [bin, 'list'], ROOT, env);
    expect(cli.status).toBe(1);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toBe(
      `plugin-patterns: @plugin-patterns/loader ${needs}; this is Node.js ${old.version}. Install a newer Node.js (https://nodejs.org).\n`,
    );
  });
});
