import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

const sfuMain = fileURLToPath(new URL('../../../sfu/src/main.ts', import.meta.url));
const MAX_BACKOFF_MS = 30_000;

/** The environment of the embedded SFU: it listens where SFU_PUBLIC_URL points. */
export function embeddedSfuEnv(config: Config, serverPort: number): NodeJS.ProcessEnv {
  const url = new URL(config.sfuPublicUrl);
  const wildcard = config.host === '0.0.0.0';
  return {
    ...process.env,
    SFU_HOST: config.host,
    SFU_PORT: url.port || '3010',
    SFU_LISTEN_IP: wildcard ? '0.0.0.0' : config.host,
    // Listening on every interface, browsers must be told one address: the public URL's host.
    ...(wildcard && !process.env.SFU_ANNOUNCED_IP ? { SFU_ANNOUNCED_IP: url.hostname } : {}),
    MEDIA_TOKEN_SECRET: config.mediaTokenSecret,
    SERVER_INTERNAL_URL: config.serverInternalUrl ?? `http://127.0.0.1:${serverPort}`,
    LOG_LEVEL: config.logLevel,
  };
}

/**
 * Runs the SFU as a child process on the embedded default and restarts it when it dies, waiting
 * longer after each quick failure. Production runs SFU processes on their own hosts instead.
 */
export class SfuSupervisor {
  private child: ChildProcess | undefined;
  private stopping = false;
  private backoffMs = 1000;
  private restarts = 0;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: Logger,
    /** Told when the child dies on its own: it reported nothing, so its live sources stopped unrecorded. */
    private readonly onDied: (at: Date) => void = () => {},
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get restartCount(): number {
    return this.restarts;
  }

  start(): void {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', sfuMain], {
      env: this.env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.child = child;
    this.log.info({ pid: child.pid }, 'embedded SFU started');
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      this.onDied(new Date());
      // A child that ran for a minute was healthy: start again quickly next time.
      if (Date.now() - startedAt > 60_000) this.backoffMs = 1000;
      this.log.error({ code, signal, restartInMs: this.backoffMs }, 'embedded SFU exited; restarting');
      setTimeout(() => {
        if (this.stopping) return;
        this.restarts++;
        this.start();
      }, this.backoffMs).unref();
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
