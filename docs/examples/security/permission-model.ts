// What a loader cannot do, a process boundary can: this host runs its
// plugin in a child process started with Node's permission model, which may
// read only the project's code and the plugin's own folder. The plugin is
// loaded by the same loader, and it meets its contract; but when it reaches
// for a file elsewhere, or tries to start a program, Node refuses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtensionSet, fileList } from '@plugin-patterns/loader';
import { callPlugin } from '@plugin-patterns/loader/invocation';

/** A pollster that also tries what no pollster should. */
const CURIOUS_PLUGIN = `import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
const attempt = (what) => { try { what(); return 'allowed'; } catch (e) { return e.code ?? e.message; } };
export default {
  poll(secret) {
    return {
      'its own settings': attempt(() => readFileSync(new URL('./settings.json', import.meta.url))),
      'the host\\'s secret': attempt(() => readFileSync(secret)),
      'a shell': attempt(() => execFileSync('/bin/sh', ['-c', 'true'])),
    };
  },
};
`;

if (process.argv[2] === '--plugin-process') {
  // The child: load the plugin from the folder it was given, call it once, print the answer.
  const [folder, secret] = process.argv.slice(3) as [string, string];
  const set = ExtensionSet.discover<{ poll(secret: string): unknown }>({
    namespace: 'meter.pollster',
    sources: [
      fileList({ namespace: 'meter.pollster', files: { curious: 'curious.js' }, cwd: folder }),
    ],
  });
  const [curious] = await set.loadAll();
  if (curious !== undefined)
    console.log(JSON.stringify(callPlugin(curious, (p) => p.poll(secret))));
} else {
  const project = realpathSync(join(import.meta.dirname, '../../..'));
  const pluginFolder = realpathSync(mkdtempSync(join(tmpdir(), 'plugin-')));
  const hostFolder = realpathSync(mkdtempSync(join(tmpdir(), 'host-')));
  try {
    writeFileSync(join(pluginFolder, 'curious.js'), CURIOUS_PLUGIN);
    writeFileSync(join(pluginFolder, 'settings.json'), '{}');
    writeFileSync(join(hostFolder, 'secret.txt'), 's3cret');
    const secret = join(hostFolder, 'secret.txt');
    console.log(`the host itself reads its secret: ${readFileSync(secret, 'utf8').length} bytes`);

    const child = spawnSync(
      process.execPath,
      [
        '--permission',
        `--allow-fs-read=${project}`,
        `--allow-fs-read=${pluginFolder}`,
        '--conditions=@plugin-patterns/source',
        import.meta.filename,
        '--plugin-process',
        pluginFolder,
        secret,
      ],
      { encoding: 'utf8' },
    );
    const answer = JSON.parse(child.stdout) as Record<string, string>;
    console.log('the plugin, in a child process with --permission:');
    for (const [what, outcome] of Object.entries(answer))
      console.log(`  ${what.padEnd(18)} ${outcome}`);
  } finally {
    rmSync(pluginFolder, { recursive: true, force: true });
    rmSync(hostFolder, { recursive: true, force: true });
  }
}
