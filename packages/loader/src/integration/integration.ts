/**
 * Integration turns what a plugin module exports into what the host calls.
 * The essay names two ways: the host builds each plugin and inspects it
 * (fine-grained, `construct.ts`), or the plugin registers itself through a
 * `setup(host)` function (coarse-grained, `setup.ts`). `as-is.ts` is the
 * degenerate case: the export is used as it is.
 */
export interface IntegrationContext {
  readonly namespace: string;
  readonly name: string;
}

export interface Integration<T> {
  /** Shown in the extension's history, e.g. `construct`. */
  readonly name: string;
  integrate(exported: unknown, context: IntegrationContext): T | Promise<T>;
}
