import { MalformedNotificationError, type Notification } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { VolumeHandler } from './volume.ts';

const resized: Notification = {
  message_id: 'msg-2',
  event_type: 'volume.resize.end',
  publisher_id: 'volume.storage-01',
  timestamp: '2026-11-26T08:10:00.000Z',
  payload: { volume_id: 'vol-1', tenant_id: 'project-1', size: 60, status: 'available' },
};

describe('VolumeHandler', () => {
  it('handles every volume.* event', () => {
    expect(new VolumeHandler().eventTypes).toEqual(['volume.*']);
  });

  it('yields the volume and its size in GB', () => {
    expect(new VolumeHandler().process(resized)).toEqual([
      {
        meter: 'volume',
        type: 'gauge',
        unit: 'volume',
        volume: 1,
        resourceId: 'vol-1',
        projectId: 'project-1',
        timestamp: '2026-11-26T08:10:00.000Z',
        source: 'notification:volume',
      },
      {
        meter: 'volume.size',
        type: 'gauge',
        unit: 'GB',
        volume: 60,
        resourceId: 'vol-1',
        projectId: 'project-1',
        timestamp: '2026-11-26T08:10:00.000Z',
        source: 'notification:volume',
      },
    ]);
  });

  it('refuses a payload without size, naming the field and the message', () => {
    const { size: _gone, ...payload } = resized.payload;
    const error = (() => {
      try {
        new VolumeHandler().process({ ...resized, payload });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(MalformedNotificationError);
    expect(error).toMatchObject({ field: 'payload.size', messageId: 'msg-2' });
  });

  it('refuses a negative size', () => {
    const payload = { ...resized.payload, size: -1 };
    expect(() => new VolumeHandler().process({ ...resized, payload })).toThrow(
      'payload.size must be a non-negative number, got number -1',
    );
  });
});
