import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { recordingIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { main } from '../main.ts';
import { fakeScan, tempProject } from '../test-fakes.ts';

function project(): string {
  const root = tempProject();
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

async function run(cwd: string, args: string[]) {
  const io = recordingIo({ cwd });
  const code = await main(['manifest', ...args], { io, scanProject: fakeScan() });
  return { code, out: io.out(), err: io.err() };
}

describe('plugin-patterns manifest', () => {
  it('writes plugins.manifest.js in the project, and says what it holds', async () => {
    const root = project();
    const { code, out } = await run(root, []);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('plugins.manifest.js: 0 plugins from 0 packages\n');
    expect(readFileSync(join(root, 'plugins.manifest.js'), 'utf8')).toContain(
      'format: "plugin-patterns/static-manifest@1"',
    );
  });

  it('takes --out relative to where it runs, and a .ts file is typed', async () => {
    const root = project();
    const { code } = await run(root, ['--out', 'src/plugins.manifest.ts']);
    expect(code).toBe(EXIT.ok);
    const text = readFileSync(join(root, 'src', 'plugins.manifest.ts'), 'utf8');
    expect(text).toContain('const manifest: StaticManifest = {');
  });

  it('--check exits 0 while the manifest is current and 1 once the project changed', async () => {
    const root = project();
    await run(root, []);
    const current = await run(root, ['--check']);
    expect(current.code).toBe(EXIT.ok);
    expect(current.out).toContain('plugins.manifest.js is current');

    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'temp-host', version: '2.0.0' }),
    );
    const stale = await run(root, ['--check']);
    expect(stale.code).toBe(EXIT.error);
    expect(stale.err).toContain('plugins.manifest.js is stale: a scan finds something else now');
    expect(stale.err).toContain('run "plugin-patterns manifest" again, and rebuild');
  });

  it('--check writes nothing, and says when there is no manifest at all', async () => {
    const root = project();
    const { code, err } = await run(root, ['--check']);
    expect(code).toBe(EXIT.error);
    expect(err).toContain('plugins.manifest.js does not exist');
    expect(existsSync(join(root, 'plugins.manifest.js'))).toBe(false);
  });
});
