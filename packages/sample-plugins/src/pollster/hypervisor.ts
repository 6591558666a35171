/**
 * `hypervisor.vcpus` and `hypervisor.memory`: what this machine offers to
 * virtual machines, reported only where a hypervisor manages guests.
 *
 * It looks for the hypervisor's control point: the libvirt daemon's socket or
 * Xen's `/proc/xen`. `/dev/kvm` alone is not enough — it says the processor
 * can virtualise, not that anything here runs guests — so it is mentioned in
 * the reason but does not enable the pollster. On a machine without one the
 * pollster disables itself, for real, with the paths it looked at: the self-
 * check approach to enabling, where the plugin knows best whether it can run.
 */
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { type Availability, PollsterBase, type Sample } from '@plugin-patterns/meter-contracts';
import { hostSample } from './host-sample.ts';

const SOURCE = 'pollster:hypervisor';

export const HYPERVISOR_PROBES: readonly string[] = [
  '/var/run/libvirt/libvirt-sock',
  '/run/libvirt/libvirt-sock',
  '/proc/xen',
];

export interface HypervisorOptions {
  /** Paths whose presence means a hypervisor manages guests here. */
  readonly probes?: readonly string[];
  /** The KVM device, mentioned when present without a hypervisor. */
  readonly kvmDevice?: string;
}

export class HypervisorPollster extends PollsterBase {
  readonly meters: readonly string[] = ['hypervisor.vcpus', 'hypervisor.memory'];
  readonly #probes: readonly string[];
  readonly #kvmDevice: string;

  constructor(options: HypervisorOptions = {}) {
    super();
    this.#probes = options.probes ?? HYPERVISOR_PROBES;
    this.#kvmDevice = options.kvmDevice ?? '/dev/kvm';
  }

  /** The first control point found, if any. */
  get controlPoint(): string | undefined {
    return this.#probes.find((path) => existsSync(path));
  }

  override checkAvailability(): Availability {
    if (this.controlPoint !== undefined) return { available: true };
    const kvm = existsSync(this.#kvmDevice)
      ? ` (${this.#kvmDevice} exists: the processor can virtualise, but nothing here manages guests)`
      : '';
    return {
      available: false,
      reason: `no hypervisor found: none of ${this.#probes.join(', ')} exists${kvm}`,
    };
  }

  poll(): Sample[] {
    const found = this.controlPoint;
    if (found === undefined) {
      const availability = this.checkAvailability();
      throw new Error(availability.available ? 'no hypervisor' : availability.reason);
    }
    const gauge = { type: 'gauge' } as const;
    return [
      hostSample(
        { ...gauge, meter: 'hypervisor.vcpus', unit: 'vcpu', volume: cpus().length },
        SOURCE,
      ),
      hostSample({ ...gauge, meter: 'hypervisor.memory', unit: 'B', volume: totalmem() }, SOURCE),
    ];
  }
}
