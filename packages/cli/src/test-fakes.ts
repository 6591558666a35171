/**
 * Fakes for the CLI's in-process tests: a project folder holding only a
 * package.json, and a scan that answers with entry points whose modules are
 * `data:` URLs, so `explain` really imports something without any package
 * being installed. Not part of the public API (excluded from the build).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiscoveryError, type PluginSource } from '@plugin-patterns/loader';
import type { DiscoveryProblem, EntryPoint } from '@plugin-patterns/loader/discovery';
import type { ScanProject } from './project/open-project.ts';

export const FAKE_PACKAGE: PluginSource = {
  kind: 'package',
  packageName: 'fake-meters',
  version: '2.1.0',
  root: '/fake/node_modules/fake-meters',
  via: 'package-scan',
};

/** A module as a data: URL, so importing it needs no file. */
export function moduleUrl(code: string): string {
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

export function fakeEntry(namespace: string, name: string, code: string): EntryPoint {
  return {
    namespace,
    name,
    reference: `./${name}:default`,
    source: FAKE_PACKAGE,
    target: { url: moduleUrl(code), exportName: 'default' },
  };
}

/** A plugin that imports fine, one that throws on import, one refused at discovery. */
export function fakeScan(): ScanProject {
  const entryPoints = [
    fakeEntry('meter.pollster', 'cpu', 'export default class Cpu { poll() { return []; } }'),
    fakeEntry('meter.pollster', 'broken', 'throw new Error("boom at import");'),
    fakeEntry('meter.storage', 'memory', 'export default class Memory {}'),
  ];
  const problems: DiscoveryProblem[] = [
    {
      namespace: 'meter.pollster',
      name: 'escapee',
      origin: '/fake/node_modules/fake-meters/package.json',
      reference: '../outside:default',
      source: FAKE_PACKAGE,
      error: new DiscoveryError('import reference "../outside:default" is refused', {
        namespace: 'meter.pollster',
        name: 'escapee',
      }),
    },
  ];
  return () => ({ kind: 'fake-scan', discover: () => ({ entryPoints, problems }) });
}

/** A folder with a package.json (and optionally more fields in it). */
export function tempProject(manifest: Record<string, unknown> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'pp-cli-'));
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'temp-host', version: '1.0.0', ...manifest }),
  );
  return root;
}
