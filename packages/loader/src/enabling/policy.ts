/**
 * Enabling decides which of the discovered plugins the host will use. Each of
 * the essay's approaches is one policy in its own file; a host composes them,
 * and each can only narrow (or reorder) what the previous one kept.
 */
import type { EntryPoint } from '../discovery/entry-point.ts';

/** What a plugin says about itself when asked whether it can run here. */
export type Availability =
  | { readonly available: true }
  | { readonly available: false; readonly reason: string };

export interface PolicyVerdict {
  /** Names kept, in the order the host should use them. */
  readonly enabled: readonly string[];
  /** Names turned off, each with the reason shown in reports. */
  readonly disabled: readonly { readonly name: string; readonly reason: string }[];
  /** Names the host configured that match no plugin, with the closest existing one. */
  readonly unmatched?: readonly { readonly name: string; readonly closest: string | undefined }[];
  /**
   * Single declarations turned off, each with its reason, for a policy that
   * judges each record on its own (a predicate over its provenance, say):
   * other claimants of the same name are not touched, so refusing a squatter
   * does not disable the honest package that declares the same plugin name.
   */
  readonly disabledEntries?: readonly {
    readonly entry: EntryPoint;
    readonly reason: string;
  }[];
}

export interface EnablingPolicy {
  /** Shown as "disabled by NAME" in reports, e.g. `deny-list`. */
  readonly name: string;
  /** Decides from declarations alone, before any plugin code is imported. */
  select(candidates: readonly EntryPoint[]): PolicyVerdict;
  /**
   * Decides once the plugin is loaded, for policies that must ask the plugin
   * itself (the self-check), or judge the object together with where it came
   * from: `plugin` is its record (name, reference, source). Runs once per
   * extension, never again afterwards.
   */
  afterLoad?(object: unknown, plugin: EntryPoint): Availability | Promise<Availability>;
}
