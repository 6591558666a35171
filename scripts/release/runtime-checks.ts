/**
 * The checks of the release check that are about a runtime rather than the
 * release: the tour and a reference list on Bun, the SQLite warning on
 * Node.js 22, and what an older Node.js is told. Each returns the note printed after its "ok", or
 * throws with what it saw.
 */
import { join } from 'node:path';
import { ROOT, run } from './consumer.ts';
import type { OlderNode } from './older-node.ts';

/** Bun runs the tour (the three patterns) with memory storage, from the sources. */
export function tourOnBun(bun: string): string {
  const code = [
    "const tour = await import('@plugin-patterns/tour');",
    "const result = await tour.runTour({ storage: 'memory:' });",
    'console.log(tour.renderTour(result, { maxWidth: 200 }));',
  ].join('\n');
  const tour = join(ROOT, 'packages', 'tour');
  const result = run(bun, ['--conditions=@plugin-patterns/source', '-e', code], tour);
  const wanted = ['memory:', 'driver', 'dispatcher', 'iterator'];
  const missing = wanted.filter((word) => !result.stdout.includes(word));
  if (result.status !== 0 || missing.length > 0) {
    throw new Error(
      `the tour on Bun (exit ${result.status}, lacking ${missing}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return `${result.stdout.split('\n').length} lines, the three patterns on memory storage`;
}

/**
 * Bun, which has no `module.findPackageJSON`, finds a listed package the way
 * Node does (referenceList), and names one that is not installed.
 */
export function referenceListOnBun(bun: string, project: string): string {
  const code = [
    "const { referenceList } = await import('@plugin-patterns/loader');",
    'const plugins = { plain: "@example/greeters:PlainGreeter", gone: "not-installed:X" };',
    "const found = referenceList({ namespace: 'hello.greeter', plugins }).discover();",
    "for (const e of found.entryPoints) console.log(e.name + ': ' + e.source.packageName);",
    "for (const p of found.problems) console.log(p.name + ': ' + p.error.message);",
  ].join('\n');
  const result = run(bun, ['-e', code], project);
  const expected =
    'plain: @example/greeters\n' +
    `gone: [hello.greeter:gone] (discovery) package "not-installed" of "not-installed:X" is not installed where the host can see it (${project})\n`;
  if (result.status !== 0 || result.stdout !== expected) {
    throw new Error(
      `a reference list on Bun (exit ${result.status}) printed:\n${result.stdout}\n${result.stderr}\nexpected:\n${expected}`,
    );
  }
  return 'an installed scoped package found, a missing one named';
}

/** On Node.js 22, importing the sample plugins is silent; opening a SQLite database warns. */
export function sqliteWarnsOnlyWhenUsed(node22: string, project: string): string {
  const imported = run(
    node22,
    ['--input-type=module', '-e', "await import('@plugin-patterns/sample-plugins');"],
    project,
  );
  if (imported.status !== 0 || imported.stderr !== '') {
    throw new Error(`importing the sample plugins printed:\n${imported.stderr}`);
  }
  // The check can see the warning: opening a SQLite database does print it.
  const opened = run(
    node22,
    [
      '--input-type=module',
      '-e',
      "const { SqliteStorage } = await import('@plugin-patterns/sample-plugins'); new SqliteStorage({ url: 'sqlite::memory:' });",
    ],
    project,
  );
  if (opened.status !== 0 || !/ExperimentalWarning: SQLite/.test(opened.stderr)) {
    throw new Error(`opening a database should warn on 22:\n${opened.stderr}`);
  }
  return 'it prints only when a SQLite database opens';
}

/** An older Node.js: the loader throws UnsupportedNodeError, the command prints one line. */
export function olderNodeIsTold(old: OlderNode, project: string): string {
  // The user's Node.js runs the built files, whatever source condition this process has.
  const { NODE_OPTIONS: _, ...plain } = process.env;
  const loader = run(
    old.path,
    ['--input-type=module', '-e', "await import('@plugin-patterns/loader')"],
    project,
    plain,
  );
  const needs = 'needs Node.js 22.18.0 or later (22.18+ or 24)';
  if (
    loader.status === 0 ||
    !loader.stderr.includes(`UnsupportedNodeError: @plugin-patterns/loader ${needs}`)
  ) {
    throw new Error(`importing the loader on Node.js ${old.version}:\n${loader.stderr}`);
  }
  const bin = join(project, 'node_modules', '@plugin-patterns', 'cli', 'bin', 'plugin-patterns.js');
  const cli = run(old.path, [bin, 'list'], project, plain);
  const line = `plugin-patterns: @plugin-patterns/loader ${needs}; this is Node.js ${old.version}. Install a newer Node.js (https://nodejs.org).\n`;
  if (cli.status !== 1 || cli.stderr !== line || cli.stdout !== '') {
    throw new Error(
      `plugin-patterns on Node.js ${old.version} (exit ${cli.status}):\n${cli.stdout}${cli.stderr}`,
    );
  }
  return 'the loader throws UnsupportedNodeError, the CLI prints one line and exits 1';
}
