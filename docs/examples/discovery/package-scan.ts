// Discovery by package scan: the host reads the `entryPoints` field of every
// package it depends on. Nothing names the plugins; installing a package is
// what adds them. One scan answers for every namespace at once.
import { join } from 'node:path';
import { packageScan } from '@plugin-patterns/loader';
import type { EntryPoint } from '@plugin-patterns/loader/discovery';

// The host here is the docs folder: its package.json declares
// @plugin-patterns/sample-plugins and @acme/meter-uptime as dependencies.
const host = join(import.meta.dirname, '../..');

const scan = packageScan({ cwd: host, cache: false });
const { entryPoints, problems } = scan.discover(); // every namespace

// Group the declarations by namespace and by the package that made them.
const groups = new Map<string, string[]>();
for (const entry of entryPoints) {
  const key = `${entry.namespace.padEnd(19)} from ${packageOf(entry)}`;
  groups.set(key, [...(groups.get(key) ?? []), entry.name]);
}
for (const [key, names] of groups) console.log(`${key}: ${names.join(', ')}`);

console.log(`problems: ${problems.length}`);

// Asking for one namespace filters the same scan; it does not scan again.
console.log();
for (const entry of scan.discover('meter.storage').entryPoints) {
  console.log(`meter.storage ${entry.name.padEnd(6)} -> ${entry.reference}`);
}

function packageOf(entry: EntryPoint): string {
  return entry.source.kind === 'package' ? entry.source.packageName : entry.source.kind;
}
