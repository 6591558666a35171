/**
 * `plugin-patterns explain <namespace> <name>`: why is this plugin (not)
 * running? Discovers and enables it the way `list` does, then attempts to load
 * it — import, integration, contract, self-check — and prints its history.
 * Loading imports that one plugin's module, which runs its top-level code;
 * the help says so, because a CLI that runs code should never do it silently.
 */
import { COMMON_OPTIONS, type ParsedCommand } from '../command-spec.ts';
import { EXIT, type ExitCode, UsageError } from '../exit-codes.ts';
import { requireExtensions, requireNamespace } from '../project/find-by-name.ts';
import { loadHostProfile, pipelineFor, TRUST_HOST_OPTION } from '../project/host-profile.ts';
import { openProject, projectRoot } from '../project/open-project.ts';
import { type ExplainView, explained, renderExplain } from '../render/explain-view.ts';
import { type Command, type CommandContext, printJson } from './command.ts';

/**
 * A plugin module whose top-level await never settles would otherwise leave
 * the process with nothing to do: Node ends it with exit code 13 and a warning
 * that points at the CLI, and no report is printed. A time limit turns that
 * into a failure on the plugin's record.
 */
const DEFAULT_LOAD_TIMEOUT_MS = 10_000;

function loadTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LOAD_TIMEOUT_MS;
  const ms = Number(text);
  if (!Number.isSafeInteger(ms) || ms <= 0) {
    throw new UsageError(`explain: --load-timeout must be a positive whole number of milliseconds`);
  }
  return ms;
}

export const explainCommand: Command = {
  spec: {
    name: 'explain',
    summary:
      'Tell the whole story of one plugin: where it was declared, and what each stage decided.',
    positionals: [
      { name: 'namespace', required: true, description: 'the namespace, e.g. meter.pollster' },
      { name: 'name', required: true, description: 'the plugin name, e.g. cpu' },
    ],
    options: {
      ...COMMON_OPTIONS,
      'trust-host': TRUST_HOST_OPTION,
      'load-timeout': {
        type: 'string',
        valueName: 'MS',
        description: `how long the plugin may take to load; default: ${DEFAULT_LOAD_TIMEOUT_MS}`,
      },
    },
    notes: [
      'explain IMPORTS the plugin it explains (only that one), to tell whether it imports,\n' +
        "constructs and meets its contract: the plugin module's top-level code runs.\n" +
        'If the package.json names a "pluginHost" and you pass --trust-host, the host\'s own\n' +
        'policies, integration and contract are used (the host module runs too); otherwise\n' +
        'the plugin is imported and left as exported.',
      'Exit code 0 when the plugin is usable, 3 when it was found but is disabled or failed.',
    ],
    examples: [
      'plugin-patterns explain meter.pollster hypervisor --cwd packages/tour',
      'plugin-patterns explain meter.storage sqlite --json',
    ],
  },

  async run(args: ParsedCommand, context: CommandContext): Promise<ExitCode> {
    const { io, palette } = context;
    const [namespace = '', name = ''] = args.positionals;
    const root = projectRoot(io.cwd, args.string('cwd'));
    const project = openProject(root, context.scanProject);
    requireNamespace(project, namespace);
    const host = await loadHostProfile(root, args.boolean('trust-host'));
    const pipeline = pipelineFor(host, namespace);
    const loadTimeoutMs = loadTimeout(args.string('load-timeout'));
    const set = project.extensionSet(namespace, pipeline, { loadTimeoutMs });
    const extensions = requireExtensions(set, name);

    // Each claimant loads on its own; a failure is recorded on its record, not thrown here.
    await Promise.allSettled(extensions.map((e) => e.load()));

    const view: ExplainView = {
      namespace,
      name,
      pipeline: {
        host: host?.reference,
        hostImported: host?.profile !== undefined,
        policies: (pipeline.policies ?? []).map((p) => p.name),
        integration: pipeline.integration?.name,
        contract: pipeline.contract?.name,
      },
      extensions: extensions.map(explained),
    };
    if (args.boolean('json')) printJson(io, view);
    else io.stdout(renderExplain(view, { palette, maxWidth: io.columns }));
    return extensions.every((e) => e.isReady) ? EXIT.ok : EXIT.notUsable;
  },
};
