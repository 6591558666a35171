/**
 * Integration turns what a plugin module exports into what the host calls.
 * The essay names two ways: the host builds each plugin and inspects it
 * (fine-grained, `construct.ts`), or the plugin registers itself through a
 * `setup(host)` function (coarse-grained, `setup.ts`). `as-is.ts` is the
 * degenerate case: the export is used as it is.
 */
import type { PluginError } from '../errors/plugin-error.ts';
import type { Stage } from '../errors/stage.ts';

export interface IntegrationContext {
  readonly namespace: string;
  readonly name: string;
  /**
   * The plugin's extension record. Most integrations are done once the object
   * is built; one whose object lives on elsewhere (a plugin isolated in a
   * worker or a child process, which can be stopped and restarted) writes
   * what happens to it later here. Absent when a host integrates by hand.
   */
  readonly record?: IntegrationRecord | undefined;
}

/** The part of an extension record an integration may write to. */
export interface IntegrationRecord {
  pass(stage: Stage, by: string, detail: string): void;
  fail(error: PluginError, by?: string): void;
  disable(by: string, reason: string, stage?: Stage): void;
  readonly lastError: PluginError | undefined;
  /** False once the plugin is disabled or failed: the setup registry leaves its hooks out then. */
  readonly isEnabled: boolean;
}

export interface Integration<T> {
  /** Shown in the extension's history, e.g. `construct`. */
  readonly name: string;
  integrate(exported: unknown, context: IntegrationContext): T | Promise<T>;
}
