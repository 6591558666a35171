// A plugin in a child process runs under Node's permission model: it reads its
// own package and what the host grants, and nothing else; it cannot write,
// start a process or start a worker. Each refusal is a typed error on its
// record. The same plugin in a worker thread keeps the host's rights.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PluginCallError } from '@plugin-patterns/loader';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isolation } from '../src/index.ts';
import { closeAll, extension, loadUntrusted, outcome } from './untrusted-set.ts';

interface Snoop {
  poll(): Promise<unknown>;
  read(path: string): Promise<number>;
  write(path: string): Promise<boolean>;
  shell(): Promise<number>;
  worker(): Promise<boolean>;
}

const outside = mkdtempSync(join(tmpdir(), 'isolation-permission-'));
const secret = join(outside, 'secret.txt');
writeFileSync(secret, 's3cret');
const granted = mkdtempSync(join(tmpdir(), 'isolation-granted-'));
writeFileSync(join(granted, 'settings.json'), '{}');

afterEach(closeAll);
afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(granted, { recursive: true, force: true });
});

async function snoop(mode: 'worker' | 'child') {
  const options = mode === 'child' ? { mode, allowRead: [granted] } : { mode };
  const { set } = await loadUntrusted(['reads-secrets'], options);
  const found = extension(set, 'reads-secrets');
  return { extension: found, plugin: found.object as unknown as Snoop };
}

async function refusal(answer: Promise<unknown>): Promise<{ error: unknown; code: unknown }> {
  const result = await outcome(answer);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return { error: result.error, code: (result.error.cause as { code?: unknown }).code };
}

describe('a child process under the permission model', () => {
  it("refuses to read ~/.ssh, with a typed error on the plugin's record", async () => {
    const { extension, plugin } = await snoop('child');
    const { error, code } = await refusal(plugin.poll());
    expect(error).toBeInstanceOf(PluginCallError);
    expect(code).toBe('ERR_ACCESS_DENIED');
    expect(extension.lastError).toBe(error);
    expect(extension.lastError?.message).toMatch(
      /^\[meter\.untrusted:reads-secrets\] \(invocation\) call to poll\(\) failed: Access to this API has been restricted/,
    );
    expect(extension.isReady).toBe(true); // one refused call does not disable it
  });

  it('refuses a file outside its package, and reads one the host granted', async () => {
    const { plugin } = await snoop('child');
    expect((await refusal(plugin.read(secret))).code).toBe('ERR_ACCESS_DENIED');
    expect(await plugin.read(join(granted, 'settings.json'))).toBe(2);
  });

  it('reads its own package', async () => {
    const { plugin, extension } = await snoop('child');
    const own = new URL('package.json', extension.target.url);
    expect(await plugin.read(own.pathname)).toBeGreaterThan(0);
  });

  it('cannot write, start a process or start a worker', async () => {
    const { plugin } = await snoop('child');
    expect((await refusal(plugin.write(join(granted, 'written.txt')))).code).toBe(
      'ERR_ACCESS_DENIED',
    );
    expect((await refusal(plugin.shell())).code).toBe('ERR_ACCESS_DENIED');
    expect((await refusal(plugin.worker())).code).toBe('ERR_ACCESS_DENIED');
  });
});

describe('a worker thread', () => {
  it("takes no read grants: it has the host's rights already", () => {
    expect(() => isolation({ mode: 'worker', allowRead: ['/'] })).toThrow(
      'isolation: allowRead is for child processes; a worker reads what the host reads',
    );
  });

  it("shares the host's rights: it reads the file the child could not", async () => {
    const { plugin } = await snoop('worker');
    expect(await plugin.read(secret)).toBe('s3cret'.length);
  });
});
