/**
 * The host profile: how a project loads each of its namespaces (enabling
 * policies, integration, contract), declared so that tools can load plugins
 * exactly as the host does. Without it the CLI can only say what discovery and
 * a bare import say; with it, `explain` tells the plugin's whole story as the
 * host would live it (disabled by the deny list, constructed, failed its
 * contract, disabled by its own self-check).
 *
 * A project opts in with one field in its package.json, an import reference
 * into its own package, in the same `MODULE:EXPORT` form as entry points:
 *
 *     "pluginHost": "./host:pluginHost"
 *
 * The export is the host's configuration, not plugin code: it names policies
 * and contracts, and must not import plugins itself.
 *
 * But it is still code from the inspected folder, and inspecting a tree must
 * not run that tree's code unasked: the CLI reads the field always, and
 * imports the module only when the user passed `--trust-host`.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { EnablingPolicy } from '@plugin-patterns/loader';
import { parsePackageReference, resolvePackageModule } from '@plugin-patterns/loader/importing';
import { CliError } from '../exit-codes.ts';
import type { NamespacePipeline } from './open-project.ts';

export interface HostProfile {
  /** One pipeline per namespace the host uses; other namespaces get the defaults. */
  readonly namespaces: Readonly<Record<string, NamespacePipeline>>;
}

export interface LoadedHostProfile {
  readonly reference: string;
  /** Undefined when the project names a profile that was not imported (no `--trust-host`). */
  readonly profile: HostProfile | undefined;
}

/**
 * Reads `pluginHost` from the project's package.json; undefined when absent.
 * The module is imported only when `trusted` (the user passed `--trust-host`).
 */
export async function loadHostProfile(
  root: string,
  trusted: boolean,
): Promise<LoadedHostProfile | undefined> {
  const manifest = readManifest(join(root, 'package.json'));
  const declared = manifest.pluginHost;
  if (declared === undefined) return undefined;
  if (!trusted) return { reference: String(declared), profile: undefined };
  const fail = (why: string): CliError =>
    new CliError(`the "pluginHost" of ${join(root, 'package.json')} is unusable: ${why}`);
  const parsed = parsePackageReference(declared);
  if (!parsed.ok) throw fail(parsed.why);
  if (typeof manifest.name !== 'string') throw fail('the package.json has no "name"');
  const resolved = resolvePackageModule({
    root: realpathSync(root),
    packageName: manifest.name,
    hasExports: manifest.exports !== undefined,
    ...parsed.reference,
  });
  if (!resolved.ok) throw fail(resolved.why);
  let module: Record<string, unknown>;
  try {
    module = (await import(resolved.target.url)) as Record<string, unknown>;
  } catch (cause) {
    throw fail(`importing it threw: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const profile = module[resolved.target.exportName];
  const problem = profileProblem(profile);
  if (problem !== undefined) throw fail(problem);
  return { reference: String(declared), profile: profile as HostProfile };
}

/** The pipeline for one namespace: the profile's, or the defaults (nothing configured). */
export function pipelineFor(
  host: LoadedHostProfile | undefined,
  namespace: string,
): NamespacePipeline {
  return host?.profile?.namespaces[namespace] ?? {};
}

/** The line that says a declared profile was left alone, or undefined when there is none. */
export function untrustedHostNote(host: LoadedHostProfile | undefined): string | undefined {
  if (host === undefined || host.profile !== undefined) return undefined;
  return `the project's host profile "${host.reference}" was not imported: it is code from the project; pass --trust-host to run it and apply the host's policies`;
}

/** The option list and explain take; the help text is the promise. */
export const TRUST_HOST_OPTION = {
  type: 'boolean',
  description:
    'import the project\'s "pluginHost" module (its code runs) to load plugins as the host does',
} as const;

/** The project's manifest; one that cannot be read is the user's to fix, not a crash. */
function readManifest(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new CliError(`cannot read ${path}: ${cause instanceof Error ? cause.message : cause}`);
  }
  if (!isObject(parsed)) throw new CliError(`${path} does not hold a JSON object`);
  return parsed;
}

/** Checked by convention: the profile is data the CLI will call into. */
function profileProblem(value: unknown): string | undefined {
  if (!isObject(value) || !isObject(value.namespaces)) {
    return 'the export is not a host profile ({ namespaces: { [namespace]: pipeline } })';
  }
  for (const [namespace, pipeline] of Object.entries(value.namespaces)) {
    if (!isObject(pipeline)) return `${namespace}: the pipeline is not an object`;
    const { policies, integration, contract } = pipeline;
    if (policies !== undefined && (!Array.isArray(policies) || !policies.every(isPolicy))) {
      return `${namespace}: policies must be enabling policies ({ name, select() })`;
    }
    if (integration !== undefined && !hasMethod(integration, 'integrate')) {
      return `${namespace}: integration must have integrate()`;
    }
    if (contract !== undefined && !hasMethod(contract, 'check')) {
      return `${namespace}: contract must have check()`;
    }
  }
  return undefined;
}

function isPolicy(value: unknown): value is EnablingPolicy {
  return hasMethod(value, 'select') && typeof (value as { name?: unknown }).name === 'string';
}

function hasMethod(value: unknown, method: string): boolean {
  return isObject(value) && typeof value[method] === 'function';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
