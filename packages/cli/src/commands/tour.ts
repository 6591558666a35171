/**
 * `plugin-patterns tour`: runs the tour of the plugin patterns. The tour is a
 * separate, private package (`@plugin-patterns/tour`, the host application
 * with the sample plugins as its dependencies); this command finds it the way
 * Node would from the project folder, so the CLI itself depends on no plugin
 * and on no sample: it stays small for the people who install it to inspect
 * their own projects.
 */
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPackageManifest, resolvePackageModule } from '@plugin-patterns/loader/importing';
import type { CliIo } from '../cli-io.ts';
import { COMMON_OPTIONS, type ParsedCommand } from '../command-spec.ts';
import { CliError, EXIT, type ExitCode } from '../exit-codes.ts';
import { projectRoot } from '../project/open-project.ts';
import type { Palette } from '../render/colour.ts';
import { type Command, type CommandContext, printJson } from './command.ts';

export const TOUR_PACKAGE = '@plugin-patterns/tour';

/** What the CLI needs of the tour module; checked when it is imported. */
export interface TourModule {
  runTour(options: {
    readonly storage?: string;
    readonly transport?: string;
    readonly progress?: (step: string) => void;
  }): Promise<unknown>;
  renderTour(
    result: unknown,
    options: {
      readonly palette: Palette;
      readonly maxWidth?: number | undefined;
      readonly verbose?: boolean | undefined;
    },
  ): string;
}

export const tourCommand: Command = {
  spec: {
    name: 'tour',
    summary: 'Run the tour: ceilometer in miniature, every pattern on the same sample plugins.',
    positionals: [],
    options: {
      storage: {
        type: 'string',
        valueName: 'URL',
        description:
          'where the samples go: sqlite:///path (default: a new file under the system temp folder), memory:, jsonl:///path, postgres://…',
      },
      transport: {
        type: 'string',
        valueName: 'URL',
        description:
          'where the notifications come from, consumed by a notification agent: fixture:, memory:, amqp://… (default: the fixture, dispatched directly)',
      },
      verbose: {
        type: 'boolean',
        description:
          'print every reason in full, wrapped to the width, instead of cutting long lines',
      },
      ...COMMON_OPTIONS,
    },
    notes: [
      `The tour is the package ${TOUR_PACKAGE}, resolved from DIR the way Node resolves an\n` +
        'import there. It is private to the plugin-patterns repository: run "pnpm tour" at its root.\n' +
        'It imports and runs the sample plugins, including the deliberately faulty ones.',
    ],
    examples: [
      'pnpm tour',
      'pnpm tour --verbose',
      'pnpm tour --transport amqp://guest:guest@127.0.0.1:5672 --storage postgres://…',
      'plugin-patterns tour --cwd packages/tour --storage memory: --json',
    ],
  },

  async run(args: ParsedCommand, context: CommandContext): Promise<ExitCode> {
    const { io, palette } = context;
    const root = projectRoot(io.cwd, args.string('cwd'));
    const tour = await (context.importTour ?? importTour)(root);
    const storage = args.string('storage');
    const transport = args.string('transport');
    const progress = io.stderrIsTTY ? progressLine(io) : undefined;
    let result: unknown;
    try {
      result = await tour.runTour({
        ...(storage === undefined ? {} : { storage }),
        ...(transport === undefined ? {} : { transport }),
        ...(progress === undefined ? {} : { progress }),
      });
    } catch (error) {
      throw new CliError(
        `the tour failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      if (progress !== undefined) io.stderr('\r\u001b[K');
    }
    if (args.boolean('json')) printJson(io, result);
    else {
      const verbose = args.boolean('verbose');
      io.stdout(tour.renderTour(result, { palette, maxWidth: io.columns, verbose }));
    }
    return EXIT.ok;
  },
};

/**
 * Node's ESM resolution from the project folder: whatever `import` would find
 * there. Not `require.resolve`, whose extra lookup folders (NODE_PATH, which
 * pnpm's shims set, and global folders) would find a tour the project does
 * not have.
 */
export async function importTour(root: string): Promise<TourModule> {
  const manifest = findPackageManifest(TOUR_PACKAGE, pathToFileURL(join(root, 'package.json')));
  const resolved =
    manifest === undefined
      ? undefined
      : resolvePackageModule({
          root: realpathSync(dirname(manifest)),
          packageName: TOUR_PACKAGE,
          hasExports: true,
          module: '.',
          exportName: 'runTour',
        });
  if (resolved === undefined || !resolved.ok) {
    throw new CliError(`${TOUR_PACKAGE} is not installed in ${root}`, {
      hint: 'the tour lives in the plugin-patterns repository: run "pnpm tour" at its root, or pass --cwd packages/tour',
    });
  }
  const file = resolved.target.url;
  const module = (await import(file)) as Partial<TourModule>;
  if (typeof module.runTour !== 'function' || typeof module.renderTour !== 'function') {
    throw new CliError(`${file} does not export runTour() and renderTour(): is it the tour?`);
  }
  return module as TourModule;
}

/** One line on stderr that rewrites itself: progress without scrolling the output away. */
function progressLine(io: CliIo): (step: string) => void {
  return (step) => io.stderr(`\r\u001b[K${step}…`);
}
