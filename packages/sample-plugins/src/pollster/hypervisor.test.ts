import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HYPERVISOR_PROBES, HypervisorPollster } from './hypervisor.ts';

const dir = mkdtempSync(join(tmpdir(), 'meter-hypervisor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const socket = join(dir, 'libvirt-sock');
writeFileSync(socket, '');
const absent = join(dir, 'absent');

describe('HypervisorPollster on this machine', () => {
  it('is available exactly when a hypervisor control point exists', () => {
    const availability = new HypervisorPollster().checkAvailability();
    const present = HYPERVISOR_PROBES.some((path) => existsSync(path));
    expect(availability.available).toBe(present);
    if (!availability.available) {
      expect(availability.reason).toContain(
        `no hypervisor found: none of ${HYPERVISOR_PROBES.join(', ')} exists`,
      );
    }
  });
});

describe('HypervisorPollster without a hypervisor', () => {
  it('says which paths it looked at', () => {
    const pollster = new HypervisorPollster({ probes: [absent], kvmDevice: absent });
    expect(pollster.checkAvailability()).toEqual({
      available: false,
      reason: `no hypervisor found: none of ${absent} exists`,
    });
  });

  it('mentions a KVM device that is present but manages nothing', () => {
    const pollster = new HypervisorPollster({ probes: [absent], kvmDevice: socket });
    const availability = pollster.checkAvailability();
    expect(availability.available === false && availability.reason).toContain(
      `(${socket} exists: the processor can virtualise, but nothing here manages guests)`,
    );
  });

  it('refuses to poll, with the same reason', () => {
    const pollster = new HypervisorPollster({ probes: [absent], kvmDevice: absent });
    expect(() => pollster.poll()).toThrow(`no hypervisor found: none of ${absent} exists`);
  });
});

describe('HypervisorPollster with a hypervisor', () => {
  it('reports the capacity offered to guests', () => {
    const pollster = new HypervisorPollster({ probes: [absent, socket] });
    expect(pollster.controlPoint).toBe(socket);
    expect(pollster.checkAvailability()).toEqual({ available: true });
    const samples = pollster.poll();
    expect(samples.map((s) => s.meter)).toEqual(['hypervisor.vcpus', 'hypervisor.memory']);
    expect(samples[0]?.volume).toBeGreaterThan(0);
  });
});
