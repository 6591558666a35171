/**
 * The pollster API as a class to extend, for hosts that enforce it nominally:
 * a pollster is accepted only if it is an instance of this very class (the
 * loader's `abstractClass(PollsterBase)` contract). The `Pollster` interface
 * stays the API itself; this base is one way to implement it, and it carries
 * what every pollster would otherwise repeat: the default availability answer.
 *
 * Extending it is a choice a plugin author makes, not a requirement of the
 * interface. A third party may implement `Pollster` without it (duck typing),
 * and a host that checks by convention or by schema accepts both; only a host
 * that checks by class refuses the plugin that does not extend it.
 *
 * TypeScript's `abstract` leaves no trace at run time: an abstract method is
 * simply absent from the emitted class. So the members a subclass must supply
 * are also listed in `abstractMembers`, which is where a run-time check reads
 * them.
 *
 * Class identity is per copy: a bundled host carries its own copy of this
 * class, and a plugin that installs its own copy of this package gets another
 * `PollsterBase`; an `instanceof` check against the host's copy fails. So the
 * class carries a brand, under the registered symbol the loader's
 * `abstractClass` looks for: every copy has the same one, and the contract
 * accepts a pollster built on any of them. The brand names the API's major
 * version; a copy with another would be refused. Plugins should still take
 * this package as a peer dependency, so that host and plugins share one copy.
 */
import type { Availability, Pollster } from './pollster.ts';
import type { Sample } from './sample.ts';

export abstract class PollsterBase implements Pollster {
  // The brand, under the registered symbol `abstractClass` reads (the same in
  // every copy): it recognises a pollster built on any copy of this class.
  // Spelled out, not imported as the loader's CLASS_BRAND: plugins load this
  // package, and it must not make them load the loader (pollster-base.test.ts
  // checks that the two are one symbol).
  static {
    Object.defineProperty(PollsterBase, Symbol.for('plugin-patterns.class-brand'), {
      value: '@plugin-patterns/meter-contracts:PollsterBase@1',
    });
  }

  /** The members a subclass must implement, for checks made at run time. */
  static readonly abstractMembers: readonly string[] = ['meters', 'poll'];

  /** Meters this pollster produces, e.g. `['cpu.util']`. */
  abstract readonly meters: readonly string[];

  /**
   * Available unless a subclass says otherwise: most readings exist wherever
   * Node runs. Override it where the resource may be absent (a procfs file, a
   * hypervisor socket); it may answer asynchronously. Sync by default, so a
   * host that asks does not wait for a promise nobody needed.
   */
  checkAvailability(): Availability | Promise<Availability> {
    return { available: true };
  }

  /** One reading: sync where the value is at hand, async where it must be fetched. */
  abstract poll(): Sample[] | Promise<Sample[]>;
}
