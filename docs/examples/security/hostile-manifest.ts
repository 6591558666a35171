// A manifest is data from whoever published the package, and the loader
// reads it as hostile: keys such as `__proto__` and `constructor` are refused
// (never assigned, so no prototype is touched), and a name or version written
// to mess with a terminal is not printed as written. The package's honest
// plugin still loads.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtensionSet, packageScan } from '@plugin-patterns/loader';

const root = realpathSync(mkdtempSync(join(tmpdir(), 'hostile-')));
const write = (path: string, text: string) => writeFileSync(join(root, path), text);
try {
  mkdirSync(join(root, 'host/node_modules/meter-hostile'), { recursive: true });
  write('host/package.json', JSON.stringify({ dependencies: { 'meter-hostile': '1.0.0' } }));
  // Written as text: in JSON, `__proto__` is an ordinary key, as it is in a real manifest.
  write(
    'host/node_modules/meter-hostile/package.json',
    `{
      "name": "\\u001b[2Jmeter-hostile",
      "version": "1.0.0\\n[ok] all plugins verified",
      "exports": { ".": "./index.js" },
      "entryPoints": {
        "__proto__": { "polluted": "./index.js" },
        "meter.pollster": {
          "constructor": ".:Pollster",
          "cpu": ".:Pollster"
        }
      }
    }`,
  );
  write(
    'host/node_modules/meter-hostile/index.js',
    'export class Pollster { meters = ["hostile.cpu"]; poll() { return []; } }\n',
  );

  const source = packageScan({ cwd: join(root, 'host'), cache: false });
  for (const problem of source.discover().problems) {
    console.log(`refused: ${problem.error.message.replaceAll(root, '<tmp>')}`);
  }
  const pollsters = ExtensionSet.discover({ namespace: 'meter.pollster', sources: [source] });
  for (const extension of await pollsters.loadAll()) {
    console.log(`loaded:  ${extension.name} from ${extension.toJSON().source}`);
  }
  const probe: Record<string, unknown> = {};
  console.log(`prototypes untouched: ${probe.polluted === undefined && probe.cpu === undefined}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
