/**
 * `plugin-patterns list [namespace]`: every plugin the project's installed
 * packages declare, with its state and the reason for it. Reads manifests
 * only: no plugin code runs, so listing is safe on any project. When the
 * project declares a host profile, its enabling policies are applied, so a
 * plugin the host's deny list turns off is listed as disabled.
 */
import { COMMON_OPTIONS, type ParsedCommand } from '../command-spec.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { requireNamespace } from '../project/find-by-name.ts';
import {
  loadHostProfile,
  pipelineFor,
  TRUST_HOST_OPTION,
  untrustedHostNote,
} from '../project/host-profile.ts';
import { openProject, projectRoot } from '../project/open-project.ts';
import { escapeText } from '../render/escape-text.ts';
import { listJson, renderList } from '../render/list-view.ts';
import { type Command, type CommandContext, printJson } from './command.ts';

export const listCommand: Command = {
  spec: {
    name: 'list',
    summary: 'List every plugin declared by the packages a project depends on, with its state.',
    positionals: [
      {
        name: 'namespace',
        required: false,
        description: 'only this namespace, e.g. meter.storage',
      },
    ],
    options: { ...COMMON_OPTIONS, 'trust-host': TRUST_HOST_OPTION },
    notes: [
      'The project is the package.json in DIR: the packages in its dependencies and\n' +
        'optionalDependencies are scanned for an "entryPoints" field (one level, no cache).\n' +
        'No plugin code is imported. If the package.json names a "pluginHost", that module\n' +
        "(the host's configuration) is imported, to apply the host's enabling policies, only\n" +
        'with --trust-host: without it, no code of the project runs.',
    ],
    examples: [
      'plugin-patterns list',
      'plugin-patterns list meter.pollster --cwd packages/tour --trust-host --json',
    ],
  },

  async run(args: ParsedCommand, context: CommandContext): Promise<ExitCode> {
    const { io, palette } = context;
    const root = projectRoot(io.cwd, args.string('cwd'));
    const project = openProject(root, context.scanProject);
    const wanted = args.positionals[0];
    if (wanted !== undefined) requireNamespace(project, wanted);
    const host = await loadHostProfile(root, args.boolean('trust-host'));
    const note = untrustedHostNote(host);
    if (note !== undefined) io.stderr(`note: ${escapeText(note)}\n`);

    const namespaces = wanted === undefined ? project.namespaces : [wanted];
    const extensions = namespaces.flatMap((ns) =>
      project.extensionSet(ns, selectOnly(pipelineFor(host, ns))).report(),
    );
    // Policies that can only decide on loaded code (a self-check) have not run: say so.
    const deferred = namespaces.flatMap((namespace) => {
      const policies = (pipelineFor(host, namespace).policies ?? []).filter(
        (p) => p.afterLoad !== undefined,
      );
      return policies.length === 0 ? [] : [{ namespace, policies: policies.map((p) => p.name) }];
    });
    const view = {
      root,
      scannedBy: project.scannedBy,
      extensions,
      problems: project.problems,
      deferred,
    };
    if (args.boolean('json')) printJson(io, listJson(view));
    else io.stdout(renderList(view, { palette, maxWidth: io.columns }));
    return EXIT.ok;
  },
};

/** Listing decides from declarations alone: the policies, not the steps that need code. */
function selectOnly(pipeline: ReturnType<typeof pipelineFor>): ReturnType<typeof pipelineFor> {
  return pipeline.policies === undefined ? {} : { policies: pipeline.policies };
}
