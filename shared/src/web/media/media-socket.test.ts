import { describe, expect, it, vi } from 'vitest';
import { MediaError } from './media-error.js';
import { type MediaSocketLike, onMediaEvent, request } from './media-socket.js';

/** A socket that answers each emit with `reply` (or times out when reply is 'timeout'). */
function fakeSocket(reply: unknown, connected = true) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const emitted: [string, unknown][] = [];
  const socket: MediaSocketLike = {
    connected,
    timeout: () => ({
      emit: (event, payload, ack) => {
        emitted.push([event, payload]);
        if (reply === 'timeout') ack(new Error('timeout'), undefined);
        else ack(null, reply);
      },
    }),
    on: (event, listener) => listeners.set(event, listener),
    off: (event) => listeners.delete(event),
  };
  return { socket, emitted, fire: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

describe('media signalling requests', () => {
  it('resolves with the ack data, checked against its schema', async () => {
    const { socket, emitted } = fakeSocket({ ok: true, data: { producerId: 'p1' } });
    const payload = {
      transportId: 't1',
      kind: 'video' as const,
      source: 'webcam' as const,
      rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 }] },
    };
    await expect(request(socket, 'media:produce', payload)).resolves.toEqual({ producerId: 'p1' });
    expect(emitted).toEqual([['media:produce', payload]]);
  });

  it("rejects with the SFU's code and fields on a refusal", async () => {
    const fields = [{ path: 'payload.displaySurface', message: 'must be monitor (entire screen)' }];
    const { socket } = fakeSocket({ ok: false, error: { code: 'validation_failed', message: 'no', fields } });
    const refused = request(socket, 'media:closeProducer', { producerId: 'p1' });
    await expect(refused).rejects.toBeInstanceOf(MediaError);
    await expect(refused).rejects.toMatchObject({ code: 'validation_failed', cause: fields });
  });

  it('rejects malformed acks, data outside the contract, timeouts and a closed socket', async () => {
    await expect(request(fakeSocket('yes').socket, 'media:listProducers', {})).rejects.toMatchObject({
      code: 'bad_response',
    });
    await expect(
      request(fakeSocket({ ok: true, data: [{ producerId: 1 }] }).socket, 'media:listProducers', {}),
    ).rejects.toMatchObject({ code: 'bad_response' });
    await expect(request(fakeSocket('timeout').socket, 'media:listProducers', {})).rejects.toMatchObject({
      code: 'timeout',
    });
    const offline = fakeSocket({ ok: true, data: [] }, false);
    await expect(request(offline.socket, 'media:listProducers', {})).rejects.toMatchObject({
      code: 'network',
    });
    expect(offline.emitted).toEqual([]);
  });
});

describe('media events', () => {
  it('passes valid payloads and drops invalid ones', () => {
    const { socket, fire } = fakeSocket(null);
    const handler = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = onMediaEvent(socket, 'media:producerScore', handler);
    const score = { producerId: 'p1', studentId: '7b0c5a52-8f59-4a52-9a3e-0c4f8e1f2a01', score: 9 };
    fire('media:producerScore', score);
    fire('media:producerScore', { producerId: 'p1', score: 'high' });
    expect(handler.mock.calls).toEqual([[score]]);
    expect(warn).toHaveBeenCalledOnce();
    stop();
    fire('media:producerScore', score);
    expect(handler).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
