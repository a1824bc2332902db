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

describe('the ready frame and the frame sequence', () => {
  it('ready carries each room position, with no last message for an empty room', () => {
    const parsed = parseServerFrame(
      JSON.stringify({
        event: 'ready',
        data: {
          connection_id: 'c-1',
          rooms: [
            { room_id: 'r1', last_message_id: 'm9', last_seq: 9 },
            { room_id: 'r2', last_message_id: null, last_seq: 0 },
          ],
        },
      }),
    );
    expect(parsed).toEqual({
      kind: 'ready',
      ready: {
        connection_id: 'c-1',
        rooms: [
          { room_id: 'r1', last_message_id: 'm9', last_seq: 9 },
          { room_id: 'r2', last_message_id: null, last_seq: 0 },
        ],
      },
    });
  });

  it('a ready without its rooms is invalid', () => {
    expect(parseServerFrame('{"event":"ready","data":{"connection_id":"c-1"}}')).toMatchObject({
      kind: 'invalid',
    });
  });

  it('hands over the seq of every later frame, the ones it cannot use included', () => {
    expect(parseServerFrame('{"event":"room_created","data":{"room_id":"r1"},"seq":7}')).toEqual({
      kind: 'event',
      frame: { event: 'room_created', data: { room_id: 'r1' } },
      seq: 7,
    });
    expect(parseServerFrame('{"event":"ack","ref":"r3","data":{},"seq":8}')).toMatchObject({ seq: 8 });
    expect(parseServerFrame('{"event":"something_new","data":{},"seq":9}')).toEqual({
      kind: 'unknown',
      event: 'something_new',
      seq: 9,
    });
    expect(parseServerFrame('{"event":"new_message","data":{"id":"x"},"seq":10}')).toMatchObject({
      kind: 'invalid',
      seq: 10,
    });
  });
});
