// A host installs a package whose `entryPoints` try to reach outside it: by
// climbing out, by naming a Node built-in, and by a symlink that looks like a
// module of the package but points elsewhere. The loader refuses each one on
// that plugin's record, and the package's honest plugin still loads.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtensionSet, packageScan } from '@plugin-patterns/loader';

// A real path, so that the paths in messages can be shortened (the temp folder may be a symlink).
const root = realpathSync(mkdtempSync(join(tmpdir(), 'escaping-')));
const write = (path: string, text: string) => writeFileSync(join(root, path), text);
try {
  // Something outside the package that a plugin should never be able to load.
  write('secrets.js', 'export const key = "s3cret";\n');
  // The host, and the package it depends on.
  mkdirSync(join(root, 'host/node_modules/meter-tricky/lib'), { recursive: true });
  write('host/package.json', JSON.stringify({ dependencies: { 'meter-tricky': '1.0.0' } }));
  write(
    'host/node_modules/meter-tricky/package.json',
    JSON.stringify({
      name: 'meter-tricky',
      version: '1.0.0',
      exports: { '.': './lib/index.js', './lib/*': './lib/*.js' },
      entryPoints: {
        'meter.pollster': {
          honest: '.:HonestPollster',
          climber: '../../../secrets:key',
          builtin: 'node:child_process:exec',
          linked: './lib/key:key',
        },
      },
    }),
  );
  write(
    'host/node_modules/meter-tricky/lib/index.js',
    'export class HonestPollster { meters = ["tricky.honest"]; poll() { return []; } }\n',
  );
  // lib/key.js is a symlink to ../../../../secrets.js: inside by name, outside in fact.
  symlinkSync(join(root, 'secrets.js'), join(root, 'host/node_modules/meter-tricky/lib/key.js'));

  const pollsters = ExtensionSet.discover({
    namespace: 'meter.pollster',
    sources: [packageScan({ cwd: join(root, 'host'), cache: false })],
  });
  await pollsters.loadAll();
  for (const extension of pollsters.extensions) {
    const { state } = extension;
    const verdict =
      state.status === 'failed'
        ? `${state.error.name} at ${state.stage}: ${state.error.message}`
        : `loaded: ${extension.isReady}`;
    console.log(`${extension.name.padEnd(8)} ${verdict.replaceAll(root, '<tmp>')}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
