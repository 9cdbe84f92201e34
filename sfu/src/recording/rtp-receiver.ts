import { createSocket, type Socket } from 'node:dgram';
import { isRtcp } from './rtp-packet.js';

/** 8 MB: a few hundred milliseconds of 200 students' streams while the event loop is busy. */
export const WANTED_BUFFER_BYTES = 8 * 1024 * 1024;

export type PacketHandler = (packet: Buffer, arrivalMs: number) => void;

/**
 * One UDP socket in the SFU process receives the RTP of every recorded stream: each sitting's
 * recording PlainTransport sends its consumers here. Streams are told apart by the transport's
 * port and the consumer's SSRC, so no process or socket exists per stream.
 */
export class RtpReceiver {
  private readonly handlers = new Map<number, PacketHandler>();
  private socket: Socket | null = null;
  /** Datagrams that matched no stream (e.g. a consumer closed a moment ago). */
  unmatched = 0;

  /** The receive buffer the kernel granted (Linux caps the request at net.core.rmem_max). */
  grantedBufferBytes = 0;

  /** `onError`: the socket failed after start (it is closed; recording stops). */
  async start(host: string, onError: (error: Error) => void): Promise<number> {
    // A large buffer absorbs bursts (key frames of many streams at once) while Node is busy.
    const socket = createSocket({ type: 'udp4', recvBufferSize: WANTED_BUFFER_BYTES });
    socket.on('message', (packet, from) => {
      if (isRtcp(packet) || packet.length < 12) return;
      const handler = this.handlers.get(streamKey(from.port, packet.readUInt32BE(8)));
      if (handler) handler(packet, Date.now());
      else this.unmatched++;
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, host, () => {
        socket.off('error', reject);
        socket.on('error', onError);
        resolve();
      });
    });
    this.socket = socket;
    // Linux reports twice the usable size (it counts its own bookkeeping).
    this.grantedBufferBytes = socket.getRecvBufferSize() / 2;
    return socket.address().port;
  }

  get port(): number {
    if (!this.socket) throw new Error('RtpReceiver not started');
    return this.socket.address().port;
  }

  /** Routes packets from `transportPort` with `ssrc` to `handler` until the returned function is called. */
  add(transportPort: number, ssrc: number, handler: PacketHandler): () => void {
    const key = streamKey(transportPort, ssrc);
    this.handlers.set(key, handler);
    return () => {
      if (this.handlers.get(key) === handler) this.handlers.delete(key);
    };
  }

  close(): void {
    this.socket?.close();
    this.socket = null;
    this.handlers.clear();
  }
}

/** Port (16 bits) and SSRC (32 bits) in one number: exact below 2^53. */
const streamKey = (port: number, ssrc: number) => port * 0x1_0000_0000 + ssrc;
