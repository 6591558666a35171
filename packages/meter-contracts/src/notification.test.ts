import { describe, expect, it } from 'vitest';
import { MalformedNotificationError } from './notification.ts';

describe('MalformedNotificationError', () => {
  it('names the field and the message id', () => {
    const error = new MalformedNotificationError('payload.size', { message_id: 'm-1' });
    expect(error.message).toBe('notification m-1: payload.size is missing or has the wrong type');
    expect(error).toMatchObject({ field: 'payload.size', messageId: 'm-1' });
  });

  it('says so when the notification has no message id', () => {
    const error = new MalformedNotificationError('event_type', {}, 'is missing');
    expect(error.message).toBe('notification (no message_id): event_type is missing');
    expect(error.messageId).toBeUndefined();
  });
});
