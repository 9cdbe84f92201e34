import { useEffect, useRef, useState } from 'react';
import type { ProducerInfo } from '../../media/signalling.js';
import type { MediaSource } from '../../media/sources.js';
import type { MediaError } from './media-error.js';
import { Publisher, type PublishSnapshot } from './publish.js';
import { SfuConnection, type SfuConnectionState } from './sfu-connection.js';
import type { MediaTokenSource } from './token-source.js';
import { type FeedWish, Watcher } from './watch.js';

export interface ConnectionStatus {
  state: SfuConnectionState;
  error: MediaError | null;
}

const INITIAL: ConnectionStatus = { state: 'connecting', error: null };

function useConnection<T>(
  direction: 'send' | 'recv',
  tokens: MediaTokenSource | null,
  make: (connection: SfuConnection) => T & { close(): void },
): { client: T | null; status: ConnectionStatus } {
  const [client, setClient] = useState<T | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>(INITIAL);
  const makeRef = useRef(make);
  makeRef.current = make;

  useEffect(() => {
    if (!tokens) return;
    const connection = new SfuConnection({ direction, tokens });
    // Created before start() so it sees the first session.
    const created = makeRef.current(connection);
    connection.on('state', (state) => setStatus({ state, error: connection.error }));
    setClient(created);
    setStatus(INITIAL);
    void connection.start();
    return () => {
      created.close();
      connection.close();
      setClient(null);
    };
  }, [direction, tokens]);

  return { client, status };
}

/** A student device's connection and its sources; `tokens` must be stable (useMemo). */
export function usePublisher(tokens: MediaTokenSource | null): {
  publisher: Publisher | null;
  sources: PublishSnapshot;
  status: ConnectionStatus;
} {
  const [sources, setSources] = useState<PublishSnapshot>({});
  const { client, status } = useConnection('send', tokens, (connection) => {
    const publisher = new Publisher(connection);
    publisher.on('change', setSources);
    return publisher;
  });
  return { publisher: client, sources, status };
}

/** A watcher's connection to one sitting and its live producers; `tokens` must be stable (useMemo). */
export function useWatcher(tokens: MediaTokenSource | null): {
  watcher: Watcher | null;
  producers: ProducerInfo[];
  status: ConnectionStatus;
} {
  const [producers, setProducers] = useState<ProducerInfo[]>([]);
  const { client, status } = useConnection('recv', tokens, (connection) => {
    const watcher = new Watcher(connection);
    watcher.on('producers', (map) => setProducers([...map.values()]));
    return watcher;
  });
  return { watcher: client, producers, status };
}

/** The track of one student's source while `wish.visible`; null while there is none. */
export function useFeedTrack(
  watcher: Watcher | null,
  studentId: string,
  source: MediaSource,
  wish: FeedWish,
): MediaStreamTrack | null {
  const [track, setTrack] = useState<MediaStreamTrack | null>(null);
  const subscription = useRef<ReturnType<Watcher['subscribe']> | null>(null);
  const latestWish = useRef(wish);
  latestWish.current = wish;

  useEffect(() => {
    if (!watcher) return;
    const sub = watcher.subscribe(studentId, source, latestWish.current, setTrack);
    subscription.current = sub;
    return () => {
      sub.close();
      subscription.current = null;
      setTrack(null);
    };
  }, [watcher, studentId, source]);

  useEffect(() => {
    subscription.current?.update({ visible: wish.visible, spatialLayer: wish.spatialLayer });
  }, [wish.visible, wish.spatialLayer]);

  return track;
}
