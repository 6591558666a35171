// The same snooping plugin, in a worker thread and in a child process. The
// worker shares the host's process, and its rights: the plugin reads the
// host's secret. The child runs under Node's permission model: it may read
// its own package and what the host grants, and every other read, any write,
// a shell, a worker, is refused, as a typed error on the plugin's record.
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IsolationMode, isolation } from '@plugin-patterns/isolation';
import {
  UNTRUSTED_NAMESPACE,
  untrustedPlugins,
} from '@plugin-patterns/isolation/untrusted-plugins';
import { ExtensionSet } from '@plugin-patterns/loader';

interface Snoop {
  poll(): Promise<unknown>; // reads ~/.ssh/id_rsa
  read(path: string): Promise<number>;
  write(path: string): Promise<boolean>;
  shell(): Promise<number>;
}

const host = realpathSync(mkdtempSync(join(tmpdir(), 'host-')));
const granted = realpathSync(mkdtempSync(join(tmpdir(), 'granted-')));
writeFileSync(join(host, 'secret.txt'), 's3cret');
writeFileSync(join(granted, 'settings.json'), '{"unit":"%"}');

for (const mode of ['worker', 'child'] as IsolationMode[]) {
  // A child may read its own package, and what the host grants it; a worker, all the host can.
  const isolated = isolation<Snoop>(mode === 'child' ? { mode, allowRead: [granted] } : { mode });
  const [snoop] = await ExtensionSet.discover<Snoop>({
    namespace: UNTRUSTED_NAMESPACE,
    sources: [untrustedPlugins(['reads-secrets'])],
    importer: isolated.importer,
    integration: isolated.integration,
  }).loadAll();
  if (snoop === undefined) throw new Error('reads-secrets did not load');
  const tries: [string, () => Promise<unknown>][] = [
    ["the host's secret", () => snoop.object.read(join(host, 'secret.txt'))],
    ['a granted file', () => snoop.object.read(join(granted, 'settings.json'))],
    ['a write', () => snoop.object.write(join(granted, 'note.txt'))],
    ['a shell', () => snoop.object.shell()],
  ];
  console.log(`in a ${mode}:`);
  for (const [what, attempt] of tries) {
    const outcome = await attempt().then(
      () => 'done',
      (error: Error) => `refused (${(error.cause as { code?: string }).code})`,
    );
    console.log(`  ${what.padEnd(18)} ${outcome}`);
  }
  if (mode === 'child') {
    await snoop.object.poll().catch(() => {}); // ~/.ssh/id_rsa
    console.log(`  its record: ${snoop.lastError?.message}`);
  }
  await isolated.close();
}
rmSync(host, { recursive: true, force: true });
rmSync(granted, { recursive: true, force: true });
