import { MalformedNotificationError, type Notification } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { ComputeInstanceHandler } from './compute.ts';

const created: Notification = {
  message_id: 'msg-1',
  event_type: 'compute.instance.create.end',
  publisher_id: 'compute.compute-01',
  timestamp: '2026-11-26T08:00:28.605Z',
  payload: {
    instance_id: 'inst-1',
    tenant_id: 'project-1',
    vcpus: 2,
    memory_mb: 4096,
    root_gb: 40,
    display_name: 'vm-1',
  },
};

describe('ComputeInstanceHandler', () => {
  it('handles every compute.instance.* event', () => {
    expect(new ComputeInstanceHandler().eventTypes).toEqual(['compute.instance.*']);
  });

  it('yields the instance and its size as gauges about the instance, in its project', () => {
    const samples = new ComputeInstanceHandler().process(created);
    expect(samples.map((s) => [s.meter, s.unit, s.volume])).toEqual([
      ['instance', 'instance', 1],
      ['vcpus', 'vcpu', 2],
      ['memory', 'MB', 4096],
      ['disk.root.size', 'GB', 40],
    ]);
    for (const s of samples) {
      expect(s).toMatchObject({
        type: 'gauge',
        resourceId: 'inst-1',
        projectId: 'project-1',
        timestamp: '2026-11-26T08:00:28.605Z',
        source: 'notification:compute.instance',
      });
    }
  });

  it('normalises the notification time to ISO 8601 UTC', () => {
    const [first] = new ComputeInstanceHandler().process({
      ...created,
      timestamp: '2026-11-26T09:00:28+01:00',
    });
    expect(first?.timestamp).toBe('2026-11-26T08:00:28.000Z');
  });

  it.each(['instance_id', 'tenant_id', 'vcpus', 'memory_mb', 'root_gb'])(
    'refuses a payload without %s, naming the field and the message',
    (field) => {
      const { [field]: _gone, ...payload } = created.payload;
      const run = () => new ComputeInstanceHandler().process({ ...created, payload });
      expect(run).toThrow(MalformedNotificationError);
      expect(run).toThrow(`notification msg-1: payload.${field} is missing`);
    },
  );

  it('refuses a size of the wrong type, saying what it got', () => {
    const payload = { ...created.payload, vcpus: 'two' };
    expect(() => new ComputeInstanceHandler().process({ ...created, payload })).toThrow(
      'payload.vcpus must be a non-negative number, got string "two"',
    );
  });

  it('refuses a notification without a payload or a usable time', () => {
    const handler = new ComputeInstanceHandler();
    const { payload: _gone, ...noPayload } = created;
    expect(() => handler.process(noPayload as Notification)).toThrow(
      'notification msg-1: payload is missing',
    );
    const nullPayload = { ...created, payload: null } as unknown as Notification;
    expect(() => handler.process(nullPayload)).toThrow('payload must be an object, got null');
    expect(() => handler.process({ ...created, timestamp: 'soon' })).toThrow(
      'notification msg-1: timestamp is not a date-time',
    );
  });
});
