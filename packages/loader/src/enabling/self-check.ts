/**
 * Enabling by the plugin itself: a plugin whose resource is absent on this
 * machine (no GPU, no hypervisor, no database socket) says so, and the host
 * disables it with the plugin's own reason. Ceilometer's pollsters work this
 * way; only the plugin knows what it needs.
 *
 * The question can only be asked of loaded code, so this policy keeps every
 * candidate at `select` time and decides in `afterLoad`. The pipeline asks once
 * per extension: a disabled plugin keeps its reason and is never asked again,
 * so a slow or flaky check cannot flap a plugin on and off.
 *
 * The plugin's method may answer synchronously or with a promise; a plugin
 * without the method is taken to run anywhere. A check that throws, or that
 * answers something other than `{ available }`, disables the plugin too: a host
 * cannot trust a plugin that cannot say whether it works.
 */

import { describeThrown } from '../errors/plugin-error.ts';
import { describeValue } from '../shared/describe-value.ts';
import { isThenable } from '../shared/thenable.ts';
import type { Availability, EnablingPolicy, PolicyVerdict } from './policy.ts';

export interface SelfCheckOptions {
  /** Shown as "disabled by NAME" in reports. Default `self-check`. */
  readonly name?: string;
  /** The method to ask. Default `checkAvailability`. */
  readonly method?: string;
}

const AVAILABLE: Availability = Object.freeze({ available: true });

export function selfCheck(options: SelfCheckOptions = {}): EnablingPolicy {
  const method = options.method ?? 'checkAvailability';
  return {
    name: options.name ?? 'self-check',
    select(candidates): PolicyVerdict {
      return { enabled: [...new Set(candidates.map((c) => c.name))], disabled: [] };
    },
    afterLoad(object): Availability | Promise<Availability> {
      let answer: unknown;
      try {
        const check = methodOf(object, method);
        if (check === undefined) return AVAILABLE;
        answer = check.call(object);
      } catch (thrown) {
        return threw(method, thrown);
      }
      // Sync stays sync: a promise only when the plugin answered with one.
      if (isThenable(answer)) {
        return Promise.resolve(answer).then(
          (settled) => interpret(method, settled),
          (thrown: unknown) => threw(method, thrown),
        );
      }
      return interpret(method, answer);
    },
  };
}

function methodOf(object: unknown, method: string): ((this: unknown) => unknown) | undefined {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) {
    return undefined;
  }
  const member: unknown = (object as Record<string, unknown>)[method];
  if (member === undefined) return undefined;
  if (typeof member !== 'function') throw new TypeError(`${method} is not a method`);
  return member as (this: unknown) => unknown;
}

function interpret(method: string, answer: unknown): Availability {
  if (typeof answer === 'object' && answer !== null && 'available' in answer) {
    if (answer.available === true) return AVAILABLE;
    if (answer.available === false) {
      const reason = 'reason' in answer ? answer.reason : undefined;
      return {
        available: false,
        reason: typeof reason === 'string' && reason !== '' ? reason : 'no reason given',
      };
    }
  }
  return {
    available: false,
    reason: `${method}() answered ${describeValue(answer)} instead of { available: boolean }`,
  };
}

function threw(method: string, thrown: unknown): Availability {
  return { available: false, reason: `${method}() threw: ${describeThrown(thrown)}` };
}
