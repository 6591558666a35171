import { ExtensionSet, selfCheck } from '@plugin-patterns/loader';
import type { Pollster } from '@plugin-patterns/meter-contracts';
import { HypervisorPollster } from '@plugin-patterns/sample-plugins';
import { describe, expect, it } from 'vitest';
import { checkOnce } from './availability.ts';
import { IteratorManager } from './iterator-manager.ts';
import { FixedPollster } from './test-pollsters.ts';

const manager = (pollsters: Record<string, Pollster>) =>
  new IteratorManager(ExtensionSet.fromObjects<Pollster>('meter.pollster', pollsters));

describe('checkOnce: a plugin is asked once', () => {
  it('asks every plugin before its first call and never again', async () => {
    const cpu = new FixedPollster('cpu.util');
    const m = manager({ cpu });
    expect(await checkOnce(m)).toEqual([]);
    expect(await checkOnce(m)).toEqual([]);
    expect(cpu.checks).toBe(1);
    expect(m.set.named('cpu')[0]?.history.at(-1)).toMatchObject({
      stage: 'enabling',
      by: 'self-check',
      outcome: 'passed',
    });
  });

  it('does not ask a plugin the loader already asked at load time', async () => {
    const cpu = new FixedPollster('cpu.util');
    const m = manager({ cpu });
    m.set.named('cpu')[0]?.pass('enabling', 'self-check', 'available here');
    await checkOnce(m);
    expect(cpu.checks).toBe(0);
  });
});

describe('checkOnce: a plugin whose resource is absent', () => {
  it('is disabled with its own reason, shown in the report, and leaves the plan', async () => {
    const hypervisor = new HypervisorPollster({
      probes: ['/nonexistent/libvirt-sock'],
      kvmDevice: '/nonexistent/kvm',
    });
    const m = manager({ cpu: new FixedPollster('cpu.util'), hypervisor });
    const disabled = await checkOnce(m);
    const reason = 'no hypervisor found: none of /nonexistent/libvirt-sock exists';
    expect(disabled).toEqual([{ name: 'hypervisor', reason }]);
    expect(m.names()).toEqual(['cpu']);
    const report = m.set.report().find((r) => r.name === 'hypervisor');
    expect(report).toMatchObject({
      status: 'disabled',
      reason: `disabled by self-check: ${reason}`,
    });
  });

  it('is reported once: later checks neither ask it nor report it again', async () => {
    const gone = new FixedPollster('gpu.util', { available: false, reason: 'no GPU' });
    const m = manager({ gone });
    expect(await checkOnce(m)).toHaveLength(1);
    expect(await checkOnce(m)).toEqual([]);
    expect(gone.checks).toBe(1);
    expect(m.set.named('gone')[0]?.history.filter((h) => h.outcome === 'disabled')).toHaveLength(1);
  });

  it('is disabled when its check throws or answers nonsense', async () => {
    const m = manager({
      throws: Object.assign(new FixedPollster('a'), {
        checkAvailability: () => {
          throw new Error('probe crashed');
        },
      }),
      odd: Object.assign(new FixedPollster('b'), { checkAvailability: () => 'yes' }),
    } as unknown as Record<string, Pollster>);
    const disabled = await checkOnce(m);
    expect(disabled.map((d) => d.reason)).toEqual([
      'checkAvailability() threw: probe crashed',
      'checkAvailability() answered a string "yes" instead of { available: boolean }',
    ]);
  });

  it('awaits a check that answers with a promise', async () => {
    const later = Object.assign(new FixedPollster('net'), {
      checkAvailability: async () => ({ available: false, reason: 'no interface' }),
    });
    expect(await checkOnce(manager({ later }))).toEqual([
      { name: 'later', reason: 'no interface' },
    ]);
  });

  it('uses the policy it is given, under that policy name', async () => {
    const probe = Object.assign(new FixedPollster('x'), {
      canRun: () => ({ available: false, reason: 'custom says no' }),
    });
    const m = manager({ probe });
    await checkOnce(m, selfCheck({ name: 'probe-check', method: 'canRun' }));
    expect(m.set.named('probe')[0]?.toJSON().reason).toBe(
      'disabled by probe-check: custom says no',
    );
  });
});
