/**
 * The front proxy as its own process (forked by the benchmark), so its CPU is measured apart
 * from the server processes and the runner. Port and backends come in argv; stats go back over IPC.
 */
import { startFrontProxy } from './front-proxy.js';

const [port = '0', ...backends] = process.argv.slice(2);
const proxy = await startFrontProxy(backends, { port: Number(port) });
process.on('message', (m: { type: string }) => {
  if (m.type === 'stats') process.send?.({ type: 'stats', stats: proxy.stats() });
});
// The runner is gone: nobody needs the proxy any more.
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'listening', url: proxy.url });
