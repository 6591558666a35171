/**
 * `plugin-patterns manifest`: discovery at build time. Scans the project's
 * installed packages once and writes a static manifest, a module listing every
 * declared plugin with a static `() => import('pkg/subpath')`, which the host
 * hands to the loader's `staticManifest()`. A bundler follows those imports, and
 * a process starts without scanning node_modules.
 *
 * `--check` writes nothing: it says whether the manifest on disk is what a
 * scan would write now (exit 1 when it is stale), for a build or CI step
 * before bundling. No plugin code is imported either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { renderStaticManifest, writeStaticManifest } from '@plugin-patterns/loader/discovery';
import { COMMON_OPTIONS, type ParsedCommand } from '../command-spec.ts';
import { CliError, EXIT, type ExitCode } from '../exit-codes.ts';
import { projectRoot } from '../project/open-project.ts';
import { escapeText } from '../render/escape-text.ts';
import { type Command, type CommandContext, printJson } from './command.ts';

/** Where the manifest goes unless `--out` says otherwise, relative to the project. */
export const DEFAULT_MANIFEST = 'plugins.manifest.js';

export const manifestCommand: Command = {
  spec: {
    name: 'manifest',
    summary: 'Write a static manifest of every declared plugin, for bundles and fast starts.',
    positionals: [],
    options: {
      ...COMMON_OPTIONS,
      out: {
        type: 'string',
        valueName: 'FILE',
        description: `the module to write, .js or .ts; default: ${DEFAULT_MANIFEST} in the project`,
      },
      check: {
        type: 'boolean',
        description: 'write nothing; exit 1 if the manifest is not what a scan finds now',
      },
    },
    notes: [
      'The project is the package.json in DIR: its dependencies and optionalDependencies\n' +
        'are scanned for an "entryPoints" field, as `list` does. No plugin code is imported.\n' +
        'Write the manifest again (and rebuild) after installing, removing or upgrading a\n' +
        'plugin: the loader checks its fingerprint and refuses a stale one.',
    ],
    examples: [
      'plugin-patterns manifest --cwd packages/tour --out src/plugins.manifest.ts',
      'plugin-patterns manifest --check',
    ],
  },

  async run(args: ParsedCommand, context: CommandContext): Promise<ExitCode> {
    const { io } = context;
    const root = projectRoot(io.cwd, args.string('cwd'));
    if (!existsSync(join(root, 'package.json'))) {
      throw new CliError(`no package.json in ${root}`, { hint: 'pass the project with --cwd DIR' });
    }
    // `--out` is a path like any argument, relative to where the command runs.
    const given = args.string('out');
    const out = given === undefined ? join(root, DEFAULT_MANIFEST) : resolve(io.cwd, given);
    const options = { cwd: root, out };
    if (args.boolean('check')) {
      const rendered = renderStaticManifest(options);
      const current = existsSync(rendered.file) ? readFileSync(rendered.file, 'utf8') : undefined;
      const fresh = current === rendered.text;
      if (args.boolean('json')) printJson(io, { file: rendered.file, fresh });
      if (fresh) {
        if (!args.boolean('json')) io.stdout(`${escapeText(rendered.file)} is current\n`);
        return EXIT.ok;
      }
      throw new CliError(
        current === undefined
          ? `${rendered.file} does not exist`
          : `${rendered.file} is stale: a scan finds something else now`,
        { hint: 'run "plugin-patterns manifest" again, and rebuild' },
      );
    }
    const written = writeStaticManifest(options);
    const summary = {
      file: written.file,
      plugins: written.plugins,
      packages: written.packages,
      problems: written.problems,
    };
    if (args.boolean('json')) printJson(io, summary);
    else {
      const shown = relative(io.cwd, written.file) || written.file;
      io.stdout(
        `${escapeText(shown)}: ${written.plugins} plugins from ${written.packages} packages` +
          `${written.problems > 0 ? `, ${written.problems} refused (kept as problems)` : ''}\n`,
      );
    }
    return EXIT.ok;
  },
};
