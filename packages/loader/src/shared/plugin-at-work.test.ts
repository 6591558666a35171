import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LOADER = fileURLToPath(new URL('../..', import.meta.url));

/** A host that loads `plugin` and then runs `then`, in a child process. */
function host(plugin: string, then: string) {
  const script = `
    import { ExtensionSet } from '@plugin-patterns/loader';
    import { invoke } from '@plugin-patterns/loader/invocation';
    const url = 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(plugin)});
    const set = ExtensionSet.discover({
      namespace: 'meter.pollster',
      sources: [{ kind: 'test', discover: () => ({ problems: [], entryPoints: [{
        namespace: 'meter.pollster', name: 'quitter', reference: './quitter:default',
        source: { kind: 'file', path: '/quitter.js', via: 'test' },
        target: { url, exportName: 'default' },
      }] }) }],
    });
    const [quitter] = await set.loadAll();
    ${then}
    console.log('the host carried on');
  `;
  return runScript(script);
}

/** Runs a module script in a child process from the loader's folder (so it imports the loader by name). */
function runScript(script: string) {
  const run = spawnSync(
    process.execPath,
    ['--conditions=@plugin-patterns/source', '--input-type=module', '-e', script],
    { cwd: LOADER, encoding: 'utf8' },
  );
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('a plugin that ends the process is named, and the exit is not a success', () => {
  it('names a plugin calling process.exit(0) while it is imported', () => {
    const run = host('process.exit(0); export default {};', '');
    expect(run.out).not.toContain('the host carried on');
    expect(run.code).toBe(1);
    expect(run.err).toContain('meter.pollster:quitter (loading, at import)');
    expect(run.err).toContain('process.exit(0)');
  });

  it('names a plugin calling process.exit(0) in a guarded call, with the method', () => {
    const run = host('export default { poll() { process.exit(0); } };', "invoke(quitter, 'poll');");
    expect(run.code).toBe(1);
    expect(run.err).toContain('meter.pollster:quitter (in poll())');
  });

  it('keeps a plugin’s own non-zero exit code', () => {
    const run = host('export default { poll() { process.exit(7); } };', "invoke(quitter, 'poll');");
    expect(run.code).toBe(7);
    expect(run.err).toContain('meter.pollster:quitter');
  });

  it('names a plugin whose promise-looking answer exits while the guard looks at it', () => {
    // The guard reads `then` to see whether the answer is a promise: plugin code, marked too.
    const plugin = 'export default { poll() { return { get then() { process.exit(0); } }; } };';
    const run = host(plugin, "invoke(quitter, 'poll');");
    expect(run.code).toBe(1);
    expect(run.err).toContain('meter.pollster:quitter (in poll())');
  });

  it('names a plugin the host handed in (never loaded) that exits in a guarded call', () => {
    // No load ever ran, so the listener must have started when the object was handed in.
    const script = `
      import { ExtensionSet } from '@plugin-patterns/loader';
      import { invoke } from '@plugin-patterns/loader/invocation';
      const set = ExtensionSet.fromObjects('meter.pollster', {
        quitter: { poll() { process.exit(0); } },
      });
      invoke(set.extensions[0], 'poll');
      console.log('the host carried on');
    `;
    const run = runScript(script);
    expect(run.out).not.toContain('the host carried on');
    expect(run.code).toBe(1);
    expect(run.err).toContain('meter.pollster:quitter (in poll())');
  });

  it('names a plugin loaded by load steps of the host’s own that exits in a guarded call', () => {
    // Not the loader's steps (which note the load): the listener starts as the record becomes callable.
    const script = `
      import { Extension } from '@plugin-patterns/loader';
      import { invoke } from '@plugin-patterns/loader/invocation';
      const entry = {
        namespace: 'meter.pollster', name: 'quitter', reference: '<own>',
        source: { kind: 'object', via: 'in-memory' }, target: { url: 'about:blank', exportName: 'x' },
      };
      const extension = new Extension(entry, async () => ({ poll() { process.exit(0); } }));
      await extension.load();
      invoke(extension, 'poll');
      console.log('the host carried on');
    `;
    const run = runScript(script);
    expect(run.out).not.toContain('the host carried on');
    expect(run.code).toBe(1);
    expect(run.err).toContain('meter.pollster:quitter (in poll())');
  });

  it('stays silent when the host ends normally, or exits itself between calls', () => {
    const quiet = host('export default { poll() { return 1; } };', "invoke(quitter, 'poll');");
    expect([quiet.code, quiet.err]).toEqual([0, '']);
    const exits = host('export default {};', 'process.exit(0);');
    expect([exits.code, exits.err]).toEqual([0, '']);
  });
});
