/**
 * The host side of coarse-grained integration: a registry of named hooks that
 * plugins fill from their `setup(host)` function (see `setup.ts`). Each
 * registration remembers which plugin made it, so a host can answer "who
 * handles `sample.received`?" and `explain` can list what a plugin provides.
 *
 * A plugin registers through a session opened for it alone. The session's
 * registrations join the registry only when setup finishes; a setup that
 * throws halfway leaves nothing behind. A plugin that keeps `host.register`
 * and calls it later is refused: what a plugin provides is decided once, at
 * load time, where the host can see and report it.
 *
 * A plugin's hooks go with it: once its extension record is disabled (by a
 * policy, by the host, by `disable` here) or it is removed, none of its
 * registrations is listed by `registered` any more. The iterator calls the
 * registrations of one hook with the same ordering and containment as any
 * plugins (`HookCaller` in `@plugin-patterns/iterator`).
 */
import { closestName } from '../shared/closest-name.ts';
import type { IntegrationContext, IntegrationRecord } from './integration.ts';

// biome-ignore lint/suspicious/noExplicitAny: hook signatures are the host's to choose
export type HookFn = (...args: any[]) => unknown;

/** One hook function, with the plugin that registered it. */
export interface Registration<F = HookFn> {
  readonly hook: string;
  readonly fn: F;
  readonly namespace: string;
  readonly plugin: string;
}

/** What a plugin's `setup` receives. */
export interface HookHost<Hooks extends object = Record<string, HookFn>> {
  readonly namespace: string;
  readonly plugin: string;
  register<K extends keyof Hooks & string>(hook: K, fn: Hooks[K]): void;
}

/** A plugin's registrations, pending until its setup has finished. */
export interface HookSession<Hooks extends object> {
  readonly host: HookHost<Hooks>;
  /** Adds the pending registrations to the registry and closes the session. */
  commit(): readonly Registration[];
  /** Drops the pending registrations and closes the session. */
  discard(): void;
}

export interface HookRegistry<Hooks extends object = Record<string, HookFn>> {
  /** Every registration, in the order setups finished and, within one, were made. */
  readonly registrations: readonly Registration[];
  /** The registrations for one hook, in order, of plugins still enabled: what a host calls. */
  registered<K extends keyof Hooks & string>(hook: K): Registration<Hooks[K]>[];
  /** What one plugin registered. */
  byPlugin(plugin: string, namespace?: string): Registration[];
  /**
   * Turns a plugin off: its record is disabled (who and why kept there), so
   * none of its hooks is called again. Returns false when it registered nothing.
   */
  disable(plugin: string, by: string, reason: string, namespace?: string): boolean;
  /** Removes every registration of a plugin, and returns them. */
  remove(plugin: string, namespace?: string): readonly Registration[];
  /** Opens a registration session for one plugin (used by the `setup` integration). */
  open(context: IntegrationContext): HookSession<Hooks>;
}

export interface HookRegistryOptions<Hooks> {
  /** The hook names a plugin may register; others are refused with a "did you mean". */
  readonly hooks?: readonly (keyof Hooks & string)[];
}

export function createHookRegistry<Hooks extends object = Record<string, HookFn>>(
  options: HookRegistryOptions<Hooks> = {},
): HookRegistry<Hooks> {
  const known = options.hooks === undefined ? undefined : new Set<string>(options.hooks);
  const registrations: Registration[] = [];
  // Each registration's plugin record, when setup ran through a set (not by hand).
  const records = new WeakMap<Registration, IntegrationRecord>();
  const isOn = (r: Registration) => records.get(r)?.isEnabled !== false;
  const byPlugin = (plugin: string, namespace?: string) =>
    registrations.filter(
      (r) => r.plugin === plugin && (namespace === undefined || r.namespace === namespace),
    );
  return {
    registrations,
    registered: (hook) =>
      registrations.filter((r) => r.hook === hook && isOn(r)) as Registration<never>[],
    byPlugin,
    disable(plugin, by, reason, namespace) {
      const mine = byPlugin(plugin, namespace);
      const withRecords = new Set(mine.map((r) => records.get(r)));
      for (const record of withRecords) record?.disable(by, reason);
      // Registered by hand, with no record to turn off: the hooks go.
      if (withRecords.has(undefined)) this.remove(plugin, namespace);
      return mine.length > 0;
    },
    remove(plugin, namespace) {
      const mine = byPlugin(plugin, namespace);
      for (const registration of mine) registrations.splice(registrations.indexOf(registration), 1);
      return Object.freeze(mine);
    },
    open(context) {
      const pending: Registration[] = [];
      let open = true;
      const host: HookHost<Hooks> = {
        namespace: context.namespace,
        plugin: context.name,
        register(hook, fn) {
          if (!open) throw new Error(`register("${hook}") was called after setup finished`);
          if (known !== undefined && !known.has(hook)) {
            const near = closestName(hook, known);
            const hint = near === undefined ? '' : ` Did you mean "${near}"?`;
            throw new TypeError(`unknown hook "${hook}" (known: ${[...known].join(', ')}).${hint}`);
          }
          if (typeof fn !== 'function') {
            throw new TypeError(`register("${hook}") needs a function, got ${typeof fn}`);
          }
          pending.push({
            hook,
            fn: fn as HookFn,
            namespace: context.namespace,
            plugin: context.name,
          });
        },
      };
      return {
        host,
        commit() {
          open = false;
          const record = context.record;
          if (record !== undefined) for (const r of pending) records.set(r, record);
          registrations.push(...pending);
          return Object.freeze([...pending]);
        },
        discard() {
          open = false;
          pending.length = 0;
        },
      };
    },
  };
}
