/**
 * Profiles the server process over exactly the measured window, through its inspector
 * (`--inspect=127.0.0.1:0`), so start-up and the students' joining stay out of the picture.
 * `ws` and its types come with socket.io (engine.io depends on both).
 */
import WebSocket from 'ws';
import type { CpuProfile } from './profile-summary.js';

export class InspectorProfiler {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (m.id === undefined) return;
      this.waiting.get(m.id)?.(m.error ? new Error(m.error.message) : m.result);
      this.waiting.delete(m.id);
    });
  }

  static async connect(url: string): Promise<InspectorProfiler> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const profiler = new InspectorProfiler(socket);
    await profiler.call('Profiler.enable');
    return profiler;
  }

  async start(): Promise<void> {
    await this.call('Profiler.start');
  }

  async stop(): Promise<CpuProfile> {
    const { profile } = (await this.call('Profiler.stop')) as { profile: CpuProfile };
    return profile;
  }

  close(): void {
    this.socket.close();
  }

  private call(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (result) => (result instanceof Error ? reject(result) : resolve(result)));
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
}
