import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ITERATOR = fileURLToPath(new URL('..', import.meta.url));

/**
 * A host script, run in a child process from the iterator's folder (so it
 * imports the packages by name), over one plugin `quitter` whose object is
 * `plugin` (JavaScript source); `run` is what the host does with `manager`.
 */
function host(plugin: string, run: string) {
  const script = `
    import { ExtensionSet } from '@plugin-patterns/loader';
    import { IteratorManager, Poller } from '@plugin-patterns/iterator';
    const set = ExtensionSet.fromObjects('meter.pollster', { quitter: ${plugin} });
    const manager = await new IteratorManager(set).load();
    ${run}
    console.log('the host carried on');
  `;
  const child = spawnSync(
    process.execPath,
    ['--conditions=@plugin-patterns/source', '--input-type=module', '-e', script],
    { cwd: ITERATOR, encoding: 'utf8' },
  );
  return { code: child.status, out: child.stdout, err: child.stderr };
}

describe('an iterator plugin that ends the process is named, and the exit is not a success', () => {
  it('names a plugin calling process.exit(0) in a map', () => {
    const run = host('{ poll() { process.exit(0); } }', 'manager.map((p) => p.poll());');
    expect(run.out).not.toContain('the host carried on');
    expect(run.code).toBe(1);
    expect(run.err).toContain('meter.pollster:quitter (called)');
    expect(run.err).toContain('process.exit(0)');
  });

  it('names a pollster calling process.exit(0) in a poller cycle, in first and pipeline too', () => {
    const poller = `new Poller(manager, { sink: { write() {} }, intervalMs: 1000 }).runCycle();`;
    for (const run of [
      host('{ poll() { process.exit(0); } }', poller),
      host('{ poll() { process.exit(0); } }', 'manager.first((p) => p.poll());'),
      host('{ step() { process.exit(0); } }', 'manager.pipeline(0, (p, v) => p.step(v));'),
    ]) {
      expect(run.code).toBe(1);
      expect(run.err).toContain('meter.pollster:quitter (called)');
    }
  });

  it('keeps the plugin’s own non-zero exit code', () => {
    const run = host('{ poll() { process.exit(7); } }', 'manager.map((p) => p.poll());');
    expect(run.code).toBe(7);
    expect(run.err).toContain('meter.pollster:quitter');
  });

  it('stays silent when the plugins return and the host then exits itself', () => {
    const run = host(
      '{ poll() { return [1]; } }',
      'manager.map((p) => p.poll()); process.exit(0);',
    );
    expect([run.code, run.err]).toEqual([0, '']);
  });
});
