import { Device, type types } from 'mediasoup-client';
import { io, type Socket } from 'socket.io-client';
import type { MediaClientEventName } from '../../media/signalling.js';
import { Emitter } from './emitter.js';
import { MediaError, mediaErrorCode } from './media-error.js';
import {
  type MediaAckData,
  type MediaEvent,
  type MediaEventName,
  type MediaPayload,
  type MediaSocketLike,
  onMediaEvent,
  request,
} from './media-socket.js';
import type { MediaTicket, MediaTokenSource } from './token-source.js';

/**
 * - `connecting`: first connection under way.
 * - `connected`: signalling up and the transport's ICE not known to be broken.
 * - `reconnecting`: the socket or ICE dropped; we are getting it back (fresh token, ICE restart).
 * - `failed`: refused for good (not allowed, the phone link expired, the session ended).
 * - `closed`: closed by the page.
 */
export type SfuConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** One signalling connection's transport. A reconnection makes a new session (the SFU forgot the old peer). */
export interface SfuSession {
  readonly epoch: number;
  readonly device: Device;
  readonly transport: types.Transport;
  request<E extends MediaClientEventName>(event: E, payload: MediaPayload<E>): Promise<MediaAckData<E>>;
}

export interface SfuConnectionEvents extends Record<string, unknown[]> {
  state: [SfuConnectionState];
  /** A new transport is ready: publishers produce again, watchers consume again. */
  session: [SfuSession];
  /** The session's transport and everything on it are gone. */
  sessionEnded: [SfuSession];
}

export interface SfuConnectionOptions {
  direction: 'send' | 'recv';
  tokens: MediaTokenSource;
  /** Tests pass mediasoup-client's FakeHandler; browsers detect their own. */
  handlerFactory?: types.HandlerFactory;
}

/** Errors after which retrying cannot help. */
const FINAL_CODES = new Set(['forbidden', 'not_found', 'unauthenticated', 'token_expired']);
/** How long ICE may stay `disconnected` before we restart it (Chrome often recovers by itself). */
const ICE_GRACE_MS = 2_000;
/** An ICE restart that has not reconnected by then: start over with a new connection. */
const ICE_RESTART_TIMEOUT_MS = 10_000;
const MAX_RETRY_MS = 15_000;

/**
 * A browser's connection to the SFU: fetches a token, connects the signalling socket, loads a
 * mediasoup Device with the router's capabilities and opens one transport (send for a student's
 * devices, recv for watchers) whose `connect`/`produce` events run the SFU commands. On a lost
 * socket it reconnects with a fresh token and opens a new session; on failed ICE it restarts ICE,
 * and starts over if that does not help.
 */
export class SfuConnection extends Emitter<SfuConnectionEvents> {
  state: SfuConnectionState = 'connecting';
  /** Why the state is `failed` (or the last trouble while reconnecting). */
  error: MediaError | null = null;
  private socket: Socket | null = null;
  private session: SfuSession | null = null;
  private epoch = 0;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private iceTimer: ReturnType<typeof setTimeout> | undefined;
  private tokenError: MediaError | null = null;
  private askingWhere = false;
  private readonly eventRegistrations = new Set<EventRegistration>();

  constructor(private readonly options: SfuConnectionOptions) {
    super();
  }

  get current(): SfuSession | null {
    return this.session;
  }

  /** Fetches the first token and connects; later tokens are fetched on each reconnection. */
  async start(): Promise<void> {
    let first: MediaTicket;
    try {
      first = await this.options.tokens();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.state !== 'closed') this.open(first);
  }

  /** A signalling socket to the ticket's SFU; its reconnections ask for fresh tokens. */
  private open(first: MediaTicket): void {
    let pending: MediaTicket | null = first;
    const socket = io(first.sfuUrl, {
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 5_000,
      auth: (send) => {
        const ticket = pending;
        pending = null;
        if (ticket) return send({ token: ticket.token });
        this.options.tokens().then(
          (next) => {
            // The sitting now lives on another SFU node (the old one died): connect there instead.
            if (next.sfuUrl !== first.sfuUrl) this.moveTo(socket, next);
            else send({ token: next.token });
          },
          (error: unknown) => {
            this.tokenError = toMediaError(error);
            send({});
          },
        );
      },
    });
    this.socket = socket;
    for (const registration of this.eventRegistrations)
      registration.detach = registration.attach(socket as unknown as MediaSocketLike);
    socket.on('connect', () => void this.openSession(socket));
    socket.on('disconnect', (reason) => {
      this.endSession();
      if (this.state === 'closed' || this.state === 'failed') return;
      this.setState('reconnecting');
      // socket.io retries lost connections itself, but not one the server closed.
      if (reason === 'io server disconnect') this.retryLater();
    });
    socket.on('connect_error', (error) => {
      const tokenError = this.tokenError;
      this.tokenError = null;
      if (tokenError && FINAL_CODES.has(tokenError.code)) return this.fail(tokenError);
      this.error = tokenError ?? new MediaError('network', error.message);
      if (this.state === 'connected') this.setState('reconnecting');
      // A refusal by the SFU's middleware (e.g. an expired token) is not retried by socket.io.
      if (!socket.active) this.retryLater();
      // Nothing answered, so `auth` (which would fetch a ticket) never ran: if the node died, only
      // a fresh ticket tells us where the sitting lives now.
      else if (!tokenError) this.followSitting(socket, first.sfuUrl);
    });
  }

  /** Asks for a ticket once at a time; moves the socket if the sitting is now on another node. */
  private followSitting(socket: Socket, sfuUrl: string): void {
    if (this.askingWhere) return;
    this.askingWhere = true;
    this.options
      .tokens()
      .then(
        (next) => {
          if (next.sfuUrl !== sfuUrl) this.moveTo(socket, next);
        },
        // The next failed attempt asks again.
        () => undefined,
      )
      .finally(() => {
        this.askingWhere = false;
      });
  }

  private moveTo(old: Socket, ticket: MediaTicket): void {
    if (this.socket !== old || this.state === 'closed' || this.state === 'failed') return;
    for (const registration of this.eventRegistrations) registration.detach?.();
    old.off();
    old.disconnect();
    this.endSession();
    this.open(ticket);
  }

  /** Listens to an SFU event (payloads parsed); listeners survive reconnections and may be added before start(). */
  onEvent<E extends MediaEventName>(event: E, handler: (payload: MediaEvent<E>) => void): () => void {
    const attach = (socket: MediaSocketLike) => onMediaEvent(socket, event, handler);
    const registration: EventRegistration = { attach, detach: undefined };
    this.eventRegistrations.add(registration);
    if (this.socket) registration.detach = attach(this.socket as unknown as MediaSocketLike);
    return () => {
      registration.detach?.();
      this.eventRegistrations.delete(registration);
    };
  }

  close(): void {
    if (this.state === 'closed') return;
    clearTimeout(this.retryTimer);
    clearTimeout(this.iceTimer);
    this.setState('closed');
    this.endSession();
    this.socket?.off();
    this.socket?.disconnect();
    this.socket = null;
    this.eventRegistrations.clear();
    this.removeAllListeners();
  }

  private async openSession(socket: Socket): Promise<void> {
    const epoch = ++this.epoch;
    const signalling = socket as unknown as MediaSocketLike;
    const send = <E extends MediaClientEventName>(event: E, payload: MediaPayload<E>) =>
      request(signalling, event, payload);
    try {
      const routerRtpCapabilities = await send('media:getRouterRtpCapabilities', {});
      const device = this.options.handlerFactory
        ? new Device({ handlerFactory: this.options.handlerFactory })
        : await Device.factory();
      await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
      const info = await send('media:createWebRtcTransport', { direction: this.options.direction });
      if (epoch !== this.epoch || !socket.connected) return;
      const params = {
        ...info,
        iceCandidates: info.iceCandidates as types.IceCandidate[],
      } as types.TransportOptions;
      const transport =
        this.options.direction === 'send'
          ? device.createSendTransport(params)
          : device.createRecvTransport(params);
      transport.on('connect', ({ dtlsParameters }, done, failed) => {
        send('media:connectWebRtcTransport', { transportId: transport.id, dtlsParameters }).then(
          () => done(),
          failed,
        );
      });
      transport.on('produce', ({ kind, rtpParameters, appData }, done, failed) => {
        const { source, displaySurface } = appData as ProduceAppData;
        send('media:produce', {
          transportId: transport.id,
          kind,
          rtpParameters: rtpParameters as MediaPayload<'media:produce'>['rtpParameters'],
          source,
          ...(displaySurface ? { displaySurface } : {}),
        }).then(({ producerId }) => done({ id: producerId }), failed);
      });
      const session: SfuSession = { epoch, device, transport, request: send };
      transport.on('connectionstatechange', (state) => this.onIceState(session, state));
      this.session = session;
      this.retries = 0;
      this.error = null;
      this.setState('connected');
      this.emit('session', session);
    } catch (error) {
      if (epoch !== this.epoch) return;
      this.error = toMediaError(error);
      console.warn('media: could not open a session', error);
      // Start over on a new connection (and a new peer on the SFU).
      this.setState('reconnecting');
      socket.disconnect();
      this.retryLater();
    }
  }

  private endSession(): void {
    clearTimeout(this.iceTimer);
    const session = this.session;
    if (!session) return;
    this.session = null;
    session.transport.close();
    this.emit('sessionEnded', session);
  }

  private onIceState(session: SfuSession, state: types.ConnectionState): void {
    if (session !== this.session) return;
    clearTimeout(this.iceTimer);
    if (state === 'connected') {
      if (this.state === 'reconnecting') this.setState('connected');
    } else if (state === 'disconnected') {
      this.setState('reconnecting');
      this.iceTimer = setTimeout(() => void this.restartIce(session), ICE_GRACE_MS);
    } else if (state === 'failed') {
      this.setState('reconnecting');
      void this.restartIce(session);
    }
  }

  /** Asks the SFU for new ICE parameters; if ICE does not come back, reconnects from scratch. */
  private async restartIce(session: SfuSession): Promise<void> {
    try {
      const iceParameters = await session.request('media:restartIce', { transportId: session.transport.id });
      if (session !== this.session) return;
      await session.transport.restartIce({ iceParameters: iceParameters as types.IceParameters });
      this.iceTimer = setTimeout(() => {
        if (session === this.session && session.transport.connectionState !== 'connected') this.startOver();
      }, ICE_RESTART_TIMEOUT_MS);
    } catch (error) {
      console.warn('media: ICE restart failed, reconnecting', error);
      if (session === this.session) this.startOver();
    }
  }

  /** A new socket connection: a fresh token, a new peer, a new transport. */
  private startOver(): void {
    const socket = this.socket;
    if (!socket || this.state === 'closed') return;
    this.endSession();
    this.setState('reconnecting');
    socket.disconnect();
    this.retryLater();
  }

  private retryLater(): void {
    clearTimeout(this.retryTimer);
    const delay = Math.min(MAX_RETRY_MS, 500 * 2 ** this.retries);
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      if (this.state !== 'closed' && this.state !== 'failed' && this.socket && !this.socket.connected)
        this.socket.connect();
    }, delay);
  }

  private fail(error: unknown): void {
    if (this.state === 'closed') return;
    this.error = toMediaError(error);
    clearTimeout(this.retryTimer);
    this.endSession();
    this.socket?.disconnect();
    this.setState('failed');
  }

  private setState(state: SfuConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }
}

interface EventRegistration {
  attach: (socket: MediaSocketLike) => () => void;
  detach: (() => void) | undefined;
}

/** What a producer carries to the `produce` handler. */
export interface ProduceAppData extends Record<string, unknown> {
  source: MediaPayload<'media:produce'>['source'];
  displaySurface?: MediaPayload<'media:produce'>['displaySurface'];
}

function toMediaError(error: unknown): MediaError {
  if (error instanceof MediaError) return error;
  return new MediaError(mediaErrorCode(error), error instanceof Error ? error.message : String(error), {
    cause: error,
  });
}
