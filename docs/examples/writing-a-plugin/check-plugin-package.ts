// The loader's conformance kit, as a plugin author runs it in their own tests:
// "would a host load my package?", answered without a host. It reads the
// package's `entryPoints` and walks each plugin through the host's steps.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { construct, convention } from '@plugin-patterns/loader';
import { checkPluginPackage, type PackageConformance } from '@plugin-patterns/loader/conformance';
import type { Pollster } from '@plugin-patterns/meter-contracts';

// What the host contributes: how it builds pollsters, and what it holds them to.
const host = {
  integration: construct(),
  contracts: {
    'meter.pollster': convention<Pollster>({ members: { meters: 'array', poll: 'function' } }),
  },
};

function print(report: PackageConformance, shorten: (text: string) => string = (t) => t): void {
  console.log(`${report.packageName}: ${report.ok ? 'conforms' : 'does not conform'}`);
  for (const entry of report.entryPoints) {
    console.log(`  ${entry.namespace}:${entry.name} = "${entry.reference}"`);
    for (const check of entry.checks) {
      console.log(`    ${check.ok ? 'ok  ' : 'FAIL'} ${check.check}: ${shorten(check.message)}`);
    }
  }
}

// 1. The third-party plugin that ships with this project.
const uptime = dirname(findPackageJSON('@acme/meter-uptime', import.meta.url) ?? '.');
print(await checkPluginPackage({ packageDir: uptime, ...host }), (text) =>
  text.replaceAll(uptime, '<package>'),
);

// 2. A first draft of another plugin package, with three classic mistakes.
const draft = mkdtempSync(join(tmpdir(), 'meter-queue-'));
try {
  mkdirSync(join(draft, 'src'));
  writeFileSync(
    join(draft, 'package.json'),
    JSON.stringify({
      name: 'meter-queue',
      type: 'module',
      exports: { '.': './src/index.js' }, // ./src/depth.js is not exported
      entryPoints: {
        'meter.pollster': {
          depth: './src/depth:DepthPollster', // a file path, not an exported subpath
          backlog: '.:BacklogPoller', // the export is called BacklogPollster
          config: '../config:settings', // outside the package
        },
      },
    }),
  );
  writeFileSync(
    join(draft, 'src/index.js'),
    'export class BacklogPollster { meters = ["queue.backlog"]; poll() { return []; } }\n',
  );
  console.log();
  print(await checkPluginPackage({ packageDir: draft, ...host }));
} finally {
  rmSync(draft, { recursive: true, force: true });
}
