import { MalformedNotificationError, type Notification } from '@plugin-patterns/meter-contracts';
import { describe, expect, it } from 'vitest';
import { ImageHandler } from './image.ts';

const uploaded: Notification = {
  message_id: 'msg-3',
  event_type: 'image.upload',
  publisher_id: 'image.glance-01',
  timestamp: '2026-11-26T08:20:00.000Z',
  payload: { id: 'img-1', owner: 'project-2', size: 1_048_576, name: 'debian-13' },
};

describe('ImageHandler', () => {
  it('names its three event types exactly', () => {
    expect(new ImageHandler().eventTypes).toEqual(['image.upload', 'image.update', 'image.delete']);
  });

  it('yields the image and its size in bytes, about the image, in its owner project', () => {
    const samples = new ImageHandler().process(uploaded);
    expect(samples.map((s) => [s.meter, s.unit, s.volume, s.resourceId, s.projectId])).toEqual([
      ['image', 'image', 1, 'img-1', 'project-2'],
      ['image.size', 'B', 1_048_576, 'img-1', 'project-2'],
    ]);
    expect(samples.every((s) => s.source === 'notification:image')).toBe(true);
  });

  it('refuses a payload without owner, naming the field and the message', () => {
    const { owner: _gone, ...payload } = uploaded.payload;
    const run = () => new ImageHandler().process({ ...uploaded, payload });
    expect(run).toThrow(MalformedNotificationError);
    expect(run).toThrow('notification msg-3: payload.owner is missing');
  });
});
