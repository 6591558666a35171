/**
 * The self-check, asked once: before a plugin is first called, it is asked
 * whether it can run here (ceilometer's pollster that finds no hypervisor).
 * The asking is the loader's `selfCheck` policy; this file only makes sure it
 * happens exactly once per plugin, whoever built the set.
 *
 * A set discovered with `policies: [selfCheck()]` has asked already, at load
 * time, and its extensions' history says so; a set built from objects (tests,
 * the tour) has not. So the history decides: a plugin whose record shows the
 * check is not asked again, and one that answers "unavailable" is disabled
 * with its own reason. Disabled plugins leave the plan, so they are never
 * asked, called or reported again.
 */
import { type EnablingPolicy, type Extension, selfCheck } from '@plugin-patterns/loader';
import { isThenable } from '@plugin-patterns/loader/invocation';
import type { IteratorManager } from './iterator-manager.ts';

/** A plugin turned off by its own check, with its reason. */
export interface SelfDisabled {
  readonly name: string;
  readonly reason: string;
}

/**
 * Asks every plugin of the manager's plan that has not been asked yet, in
 * plan order, and disables the ones that say they cannot run. Returns those.
 * A sync answer is taken as it is; only a promised one is awaited.
 */
export async function checkOnce<T>(
  manager: IteratorManager<T>,
  policy: EnablingPolicy = selfCheck(),
): Promise<SelfDisabled[]> {
  const afterLoad = policy.afterLoad;
  if (afterLoad === undefined) return [];
  const disabled: SelfDisabled[] = [];
  for (const extension of manager.extensions()) {
    if (wasAsked(extension, policy.name)) continue;
    // selfCheck turns a throwing or malformed check into "unavailable" itself.
    const answer = afterLoad.call(policy, extension.object, extension);
    const availability = isThenable(answer) ? await answer : answer;
    if (availability.available) {
      extension.pass('enabling', policy.name, 'available here');
    } else {
      manager.disable(extension, policy.name, availability.reason);
      disabled.push({ name: extension.name, reason: availability.reason });
    }
  }
  return disabled;
}

/** The record says the check ran (or the plugin was disabled by it). */
function wasAsked(extension: Extension<unknown>, by: string): boolean {
  return extension.history.some((entry) => entry.stage === 'enabling' && entry.by === by);
}
