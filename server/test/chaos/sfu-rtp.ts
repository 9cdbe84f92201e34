import { createSocket } from 'node:dgram';
import type { Sfu } from '../../../sfu/src/app.js';
import type { SittingRoom } from '../../../sfu/src/rooms/sitting-room.js';
import { type FfmpegSource, ffmpegSource, joinStudent } from '../../../sfu/test/recording-harness.js';

/**
 * Real RTP through the SFU without a browser: a student's webcam is an ffmpeg VP8 stream into a
 * PlainTransport producer that carries a student's appData (so the SFU reports it to the server
 * like any webcam), and a proctor-side PlainTransport consumer delivers what the SFU forwards to
 * a UDP socket, where the packets are counted.
 */
export interface RtpWebcam {
  room: SittingRoom;
  source: FfmpegSource;
}

/** Joins the sitting's current room as the student's device and starts sending its webcam. */
export async function rtpWebcam(
  sfu: Sfu,
  sittingId: string,
  studentId: string,
  ssrc: number,
): Promise<RtpWebcam> {
  const { room, peer } = await joinStudent(sfu, sittingId, studentId);
  return { room, source: await ffmpegSource(room, peer, 'webcam', ssrc) };
}

export interface RtpReceiver {
  /** RTP packets the SFU forwarded to the proctor side, and when the first one arrived. */
  packets: number;
  firstAt: number | null;
  close(): void;
}

/** Consumes a producer of the room on a PlainTransport towards a local UDP socket. */
export async function rtpReceiver(room: SittingRoom, producerId: string): Promise<RtpReceiver> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  let closed = false;
  const receiver: RtpReceiver = {
    packets: 0,
    firstAt: null,
    close: () => {
      if (closed) return;
      closed = true;
      socket.close();
      transport.close();
    },
  };
  socket.on('message', (packet) => {
    const type = packet[1] ?? 0;
    if (type >= 192 && type <= 223) return; // RTCP (rtcp-mux): not media
    receiver.packets++;
    receiver.firstAt ??= Date.now();
  });
  const transport = await room.router.createPlainTransport({
    listenIp: { ip: '127.0.0.1' },
    rtcpMux: true,
    comedia: false,
  });
  await transport.connect({ ip: '127.0.0.1', port: socket.address().port });
  const consumer = await transport.consume({ producerId, rtpCapabilities: room.router.rtpCapabilities });
  // Forwarding starts on a keyframe: ask for one rather than wait for ffmpeg's next.
  for (const delay of [0, 500, 1500])
    setTimeout(() => {
      if (!consumer.closed) consumer.requestKeyFrame().catch(() => undefined);
    }, delay).unref();
  return receiver;
}
