/**
 * A project, as the CLI sees it: a folder with a package.json whose declared
 * dependencies are scanned for entry points. The scan runs once, across every
 * namespace; each namespace's extension set is then built from that one
 * report, so `list` reads every package.json exactly once.
 *
 * The scan is injected (`ScanProject`) so the commands can be tested on fake
 * sources; the bin uses the loader's package scan.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type DiscoverySource,
  ExtensionSet,
  type ExtensionSetOptions,
} from '@plugin-patterns/loader';
import type { DiscoveryProblem, DiscoveryReport } from '@plugin-patterns/loader/discovery';
import { CliError } from '../exit-codes.ts';

/** Builds the discovery source for a project folder (absolute path). */
export type ScanProject = (root: string) => DiscoverySource;

/** What a host adds to a namespace's pipeline: its policies, integration and contract. */
export type NamespacePipeline = Pick<
  ExtensionSetOptions<unknown>,
  'policies' | 'integration' | 'contract'
>;

export interface Project {
  /** Absolute path of the project folder. */
  readonly root: string;
  /** The kind of the discovery source, e.g. `package-scan`. */
  readonly scannedBy: string;
  /** Every namespace that at least one declaration names, sorted. */
  readonly namespaces: readonly string[];
  /** Declarations that name no plugin (an unreadable manifest, say). */
  readonly problems: readonly DiscoveryProblem[];
  /** The extensions of one namespace, discovered and enabled; nothing imported. */
  extensionSet(
    namespace: string,
    pipeline?: NamespacePipeline,
    limits?: Pick<ExtensionSetOptions<unknown>, 'loadTimeoutMs'>,
  ): ExtensionSet<unknown>;
}

/** Resolves `--cwd` against the io's directory and checks it is a project. */
export function projectRoot(cwd: string, dir: string | undefined): string {
  const root = resolve(cwd, dir ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new CliError(`no such directory: ${root}`);
  }
  if (!existsSync(join(root, 'package.json'))) {
    throw new CliError(`${root} has no package.json`, {
      hint: 'point --cwd at a project folder (the one holding package.json)',
    });
  }
  return root;
}

export function openProject(root: string, scan: ScanProject): Project {
  const source = scan(root);
  const report = source.discover();
  const replay = replaySource(source.kind, report);
  const namespaces = new Set<string>();
  for (const entry of report.entryPoints) namespaces.add(entry.namespace);
  for (const problem of report.problems) {
    if (problem.namespace !== undefined) namespaces.add(problem.namespace);
  }
  return {
    root,
    scannedBy: source.kind,
    namespaces: [...namespaces].sort(),
    problems: report.problems.filter((p) => p.namespace === undefined || p.name === undefined),
    extensionSet: (namespace, pipeline = {}, limits = {}) =>
      ExtensionSet.discover<unknown>({ namespace, sources: [replay], ...pipeline, ...limits }),
  };
}

/**
 * A source that answers from a report already read. Keeps the original kind,
 * so each extension's history still says which scan found it.
 */
function replaySource(kind: string, report: DiscoveryReport): DiscoverySource {
  return {
    kind,
    discover: (namespace) =>
      namespace === undefined
        ? report
        : {
            entryPoints: report.entryPoints.filter((e) => e.namespace === namespace),
            problems: report.problems.filter(
              (p) => p.namespace === undefined || p.namespace === namespace,
            ),
          },
  };
}
