/**
 * Isolation, the seventh question: where does the plugin run? The essay's
 * answer is "in the host's process", and there a plugin that loops forever,
 * calls `process.exit()`, replaces a global or fills the heap takes the host
 * down with it. Here each plugin (or each namespace) runs in a worker thread,
 * or in a child process under Node's permission model, and the host holds a
 * stand-in with the plugin's methods: each call is a message.
 *
 * It plugs into the loader's pipeline as two of its stages: an importer that
 * imports the plugin's module over there, and an integration that builds the
 * plugin over there and hands the host its stand-in. Discovery, enabling and
 * enforcement run in the host as before, and the driver, the dispatcher and
 * the iterator use the stand-ins as they use any plugin:
 *
 *   const isolated = isolation({ mode: 'worker', timeoutMs: 500 });
 *   ExtensionSet.discover({ namespace, sources,
 *     importer: isolated.importer, integration: isolated.integration });
 *
 * Choose it for plugins the host does not trust (third-party code, users'
 * scripts), and pay for it: a message per call instead of a function call, a
 * worker or a process per plugin, and answers that are copies.
 */
import { fileURLToPath } from 'node:url';
import {
  type Integration,
  PluginImportError,
  PluginIntegrationError,
} from '@plugin-patterns/loader';
import type { Importer } from '@plugin-patterns/loader/importing';
import { checkTimeLimit } from '@plugin-patterns/loader/invocation';
import type { Channel, IsolationMode } from './channel.ts';
import { startChild } from './child-channel.ts';
import { packageRoot } from './package-root.ts';
import { RemoteExport, remotePlugin } from './remote-plugin.ts';
import { checkRestartPolicy, type RestartPolicy } from './restart-policy.ts';
import { Runner } from './runner.ts';
import { startWorker } from './worker-channel.ts';

export interface IsolationOptions {
  /** `worker`: a worker thread; `child`: a child process under the permission model. */
  readonly mode: IsolationMode;
  /** Workers only: one per plugin (default), or one shared by the plugins of a namespace. */
  readonly share?: 'plugin' | 'namespace' | undefined;
  /** How the export becomes the plugin, over there: used as it is (default), or `new`/called with `args`. */
  readonly integration?: 'as-is' | 'construct' | undefined;
  /** Arguments for `construct`, copied to the worker or child. */
  readonly args?: readonly unknown[] | undefined;
  /** The methods the host may call. Default: every method the plugin has. */
  readonly methods?: readonly string[] | undefined;
  /** How long a call may take before the worker or child is stopped. Default: 5000 ms. */
  readonly timeoutMs?: number | undefined;
  /** How long loading a plugin may take, start-up of its worker or child included. Default: 10000 ms. */
  readonly loadTimeoutMs?: number | undefined;
  /** What follows a stopped or crashed worker or child. Default: `'never'`. */
  readonly restart?: RestartPolicy | undefined;
  /** The plugin's heap limit, in MB. Default: Node's own. */
  readonly memoryMb?: number | undefined;
  /** Child only: paths the plugin may read besides its own package (its dependencies' folders, say). */
  readonly allowRead?: readonly string[] | undefined;
}

export interface Isolation<T> {
  /** The loader's import stage, run in the worker or child. */
  readonly importer: Importer;
  /** The loader's integration stage, run in the worker or child; the host gets a stand-in. */
  readonly integration: Integration<T>;
  /** Stops every worker and child this isolation started; resolves once they have all ended. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_LOAD_TIMEOUT_MS = 10_000;

export function isolation<T>(options: IsolationOptions): Isolation<T> {
  const { mode, share = 'plugin', restart = 'never' } = options;
  const { timeoutMs = DEFAULT_TIMEOUT_MS, loadTimeoutMs = DEFAULT_LOAD_TIMEOUT_MS } = options;
  checkTimeLimit('timeoutMs', timeoutMs);
  checkTimeLimit('loadTimeoutMs', loadTimeoutMs);
  checkRestartPolicy(restart);
  if (mode === 'child' && share === 'namespace') {
    // A child's read grants are fixed when it starts, from its one plugin's package.
    throw new TypeError(
      "isolation: share: 'namespace' is for workers; a child process runs one plugin",
    );
  }
  if (mode === 'worker' && options.allowRead !== undefined) {
    // A worker shares the host's process, and its rights: there is nothing to grant.
    throw new TypeError(
      'isolation: allowRead is for child processes; a worker reads what the host reads',
    );
  }
  const noun = mode === 'worker' ? 'worker thread' : 'child process';
  const runners = new Map<string, Runner>();

  const runnerFor = (namespace: string, name: string, file: string): Runner => {
    const key = share === 'namespace' ? namespace : `${namespace}:${name}`;
    let runner = runners.get(key);
    if (runner === undefined) {
      const start = (): Channel =>
        mode === 'worker'
          ? startWorker({ memoryMb: options.memoryMb })
          : startChild({
              memoryMb: options.memoryMb,
              allowRead: [packageRoot(file), ...(options.allowRead ?? [])],
            });
      runner = new Runner({ noun, start, timeoutMs, loadTimeoutMs, restart });
      runners.set(key, runner);
    }
    return runner;
  };

  const importer: Importer = (target, who) => {
    if (!target.url.startsWith('file:')) {
      const detail = `an isolated plugin is imported from a file, and "${target.url}" is not a file URL`;
      return Promise.reject(
        new PluginImportError(who.reference, { ...who, cause: undefined, detail }),
      );
    }
    const runner = runnerFor(who.namespace, who.name, fileURLToPath(target.url));
    return runner.import(who, target).then(() => new RemoteExport(runner, who.name));
  };

  const integration: Integration<T> = {
    name: mode === 'worker' ? 'worker' : 'child process',
    integrate(exported, context) {
      if (!(exported instanceof RemoteExport)) {
        const cause = new TypeError(
          "an isolation's integration needs the same isolation's importer",
        );
        throw new PluginIntegrationError('isolation', { ...context, cause });
      }
      const build = { construct: options.integration === 'construct', args: options.args ?? [] };
      return exported.runner
        .build(exported.name, build, context.record)
        .then((shape) => remotePlugin<T>(exported, shape, options.methods));
    },
  };

  return {
    importer,
    integration,
    close() {
      const ending = [...runners.values()].map((runner) => runner.close());
      runners.clear();
      return Promise.all(ending).then(() => undefined);
    },
  };
}
