import { describe, expect, it } from 'vitest';
import { parseServerFrame } from './frames';

describe('room frames as the server sends them', () => {
  it('room_created names the room only', () => {
    const parsed = parseServerFrame('{"event":"room_created","data":{"room_id":"r1"}}');
    expect(parsed).toEqual({ kind: 'event', frame: { event: 'room_created', data: { room_id: 'r1' } } });
  });

  it('room_updated carries the new name and description', () => {
    const parsed = parseServerFrame(
      '{"event":"room_updated","data":{"room_id":"r1","name":"Launch","description":null}}',
    );
    expect(parsed).toEqual({
      kind: 'event',
      frame: { event: 'room_updated', data: { room_id: 'r1', name: 'Launch', description: null } },
    });
  });
});
