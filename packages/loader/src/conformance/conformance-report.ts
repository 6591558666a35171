/**
 * The conformance kit's report: for each entry point a package declares, the
 * checks the host's pipeline would make, in pipeline order, each passed or
 * failed with a message a plugin author can act on. It is plain data (print
 * it, assert on it, serialise it); `PluginConformanceError` turns the failures
 * into one error listing them all, for a test that should simply fail.
 */
import type { Stage } from '../errors/stage.ts';

/** What was checked: the steps of the pipeline, as a plugin author sees them. */
export type ConformanceCheckName =
  | 'manifest'
  | 'entryPoints'
  | 'namespace'
  | 'reference'
  | 'resolve'
  | 'import'
  | 'integrate'
  | 'contract';

export interface ConformanceCheck {
  readonly check: ConformanceCheckName;
  readonly stage: Stage;
  readonly ok: boolean;
  readonly message: string;
}

/** One declared entry point and how far it got. A failed check ends its list. */
export interface EntryPointConformance {
  readonly namespace: string;
  readonly name: string;
  readonly reference: string;
  readonly ok: boolean;
  readonly checks: readonly ConformanceCheck[];
}

export interface PackageConformance {
  /** The folder checked (its real path when it could be read). */
  readonly packageDir: string;
  readonly packageName: string | undefined;
  /** True when every check of the package and of every entry point passed. */
  readonly ok: boolean;
  /** Checks about the package as a whole: its manifest and its `entryPoints` field. */
  readonly checks: readonly ConformanceCheck[];
  readonly entryPoints: readonly EntryPointConformance[];
}

const STAGE_OF: Record<ConformanceCheckName, Stage> = {
  manifest: 'discovery',
  entryPoints: 'discovery',
  namespace: 'discovery',
  reference: 'discovery',
  resolve: 'import',
  import: 'import',
  integrate: 'integration',
  contract: 'enforcement',
};

export function passed(check: ConformanceCheckName, message: string): ConformanceCheck {
  return { check, stage: STAGE_OF[check], ok: true, message };
}

export function failed(
  check: ConformanceCheckName,
  message: string,
  stage: Stage = STAGE_OF[check],
): ConformanceCheck {
  return { check, stage, ok: false, message };
}

/** One line per failed check: `[namespace:name] (stage) check: message`. */
export function conformanceFailures(report: PackageConformance): string[] {
  const lines = report.checks
    .filter((c) => !c.ok)
    .map(
      (c) => `[${report.packageName ?? report.packageDir}] (${c.stage}) ${c.check}: ${c.message}`,
    );
  for (const entry of report.entryPoints) {
    for (const c of entry.checks) {
      if (!c.ok)
        lines.push(`[${entry.namespace}:${entry.name}] (${c.stage}) ${c.check}: ${c.message}`);
    }
  }
  return lines;
}

/** Every failure of a package's conformance check, in one error. */
export class PluginConformanceError extends AggregateError {
  readonly code: string = 'PLUGIN_PACKAGE_NONCONFORMANT';
  readonly report: PackageConformance;
  constructor(report: PackageConformance) {
    const failures = conformanceFailures(report);
    const who = report.packageName ?? report.packageDir;
    super(
      failures.map((line) => new Error(line)),
      `${who} fails ${failures.length} conformance check${failures.length === 1 ? '' : 's'}:\n${failures.map((line) => `  - ${line}`).join('\n')}`,
    );
    this.name = 'PluginConformanceError';
    this.report = report;
  }
}
