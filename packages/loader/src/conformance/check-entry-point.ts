/**
 * One declared plugin, walked through the host's pipeline by the conformance
 * kit: resolve, import, integrate, check the contract. Each step is recorded
 * as a check; the first failure ends the walk, as it would end loading, and
 * the steps after it are not reported (they were never reached).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Declaration } from '../discovery/entry-point-field.ts';
import type { Contract } from '../enforcement/contract.ts';
import { ContractViolationError } from '../errors/kinds.ts';
import { describeThrown, isPluginError } from '../errors/plugin-error.ts';
import { type Importer, importExport } from '../importing/importer.ts';
import type { Integration } from '../integration/integration.ts';
import { describeValue } from '../shared/describe-value.ts';
import { resolvePackageModule } from '../shared/resolve.ts';
import {
  type ConformanceCheck,
  type ConformanceCheckName,
  type EntryPointConformance,
  failed,
  passed,
} from './conformance-report.ts';

/** What the host contributes: how it integrates plugins and what it holds them to. */
export interface EntryPointCheckOptions {
  /** The contract each namespace's plugins must meet, as the host enforces it. */
  readonly contracts?: Readonly<Record<string, Contract<unknown>>>;
  /** How the host integrates plugins: one for all namespaces, or one per namespace. */
  readonly integration?: Integration<unknown> | Readonly<Record<string, Integration<unknown>>>;
  readonly importer?: Importer;
}

/** The declaring package, as resolution needs it. */
export interface DeclaringPackage {
  readonly packageDir: string;
  readonly packageName: string;
  readonly hasExports: boolean;
}

export async function checkEntryPoint(
  declaration: Declaration,
  root: DeclaringPackage,
  options: EntryPointCheckOptions,
): Promise<EntryPointConformance> {
  const { namespace, name, reference } = declaration;
  const who = { namespace, name };
  const checks: ConformanceCheck[] = [
    passed('reference', `"${reference}" names a module of this package`),
  ];
  const report = (): EntryPointConformance => ({
    ...who,
    reference,
    ok: checks.every((c) => c.ok),
    checks,
  });

  const resolved = resolvePackageModule({
    ...declaration,
    root: root.packageDir,
    packageName: root.packageName,
    hasExports: root.hasExports,
  });
  if (!resolved.ok) {
    checks.push(failed('resolve', resolved.why, resolved.escapes ? 'discovery' : 'import'));
    return report();
  }
  const file = relative(root.packageDir, fileURLToPath(resolved.target.url));
  checks.push(passed('resolve', `resolves to ${file}`));

  // Each step either passes with a value or records its failure and ends the walk.
  const step = async (check: ConformanceCheckName, run: () => unknown) => {
    try {
      return { ok: true as const, value: await run() };
    } catch (thrown) {
      checks.push(failed(check, messageOf(thrown)));
      return { ok: false as const };
    }
  };

  const importer = options.importer ?? importExport;
  const imported = await step('import', () => importer(resolved.target, { ...who, reference }));
  if (!imported.ok) return report();
  const exportName = resolved.target.exportName;
  checks.push(passed('import', `exports ${exportName}: ${describeValue(imported.value)}`));

  let object = imported.value;
  const integration = integrationFor(options.integration, namespace);
  if (integration !== undefined) {
    const integrated = await step('integrate', () => integration.integrate(object, who));
    if (!integrated.ok) return report();
    object = integrated.value;
    checks.push(passed('integrate', `${integration.name} gave ${describeValue(object)}`));
  }

  const contract = options.contracts?.[namespace];
  if (contract !== undefined) {
    const checked = await step('contract', () => contract.check(object));
    if (!checked.ok) return report();
    const verdict = checked.value as Awaited<ReturnType<typeof contract.check>>;
    checks.push(
      verdict.ok
        ? passed('contract', `meets the ${contract.name} contract`)
        : failed(
            'contract',
            messageOf(new ContractViolationError(contract.name, verdict.issues, who)),
          ),
    );
  }
  return report();
}

function integrationFor(
  given: EntryPointCheckOptions['integration'],
  namespace: string,
): Integration<unknown> | undefined {
  if (given === undefined) return undefined;
  if (typeof (given as Integration<unknown>).integrate === 'function')
    return given as Integration<unknown>;
  return (given as Readonly<Record<string, Integration<unknown>>>)[namespace];
}

/**
 * A PluginError's `detail` (its message without the `[namespace:name] (stage)`
 * prefix, which the report already shows); anything else as `describeThrown`
 * tells it. `isPluginError`, not `instanceof`: a revoked proxy thrown by the
 * plugin must end up in the report, not escape the check.
 */
function messageOf(thrown: unknown): string {
  return isPluginError(thrown) ? thrown.detail : describeThrown(thrown);
}
