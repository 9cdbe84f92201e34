/**
 * How busy the server's PostgreSQL connections are: twice a second, its database's backends in
 * pg_stat_activity by state and wait event. All of them busy means answers queue in the
 * server's pool (10 connections) rather than in PostgreSQL.
 */
import pg from 'pg';
import { POSTGRES_ADMIN_URL } from './services.js';

interface Snapshot {
  at: number;
  /** Backends running a statement or holding a transaction open. */
  busy: number;
  connections: number;
  /** Busy backends waiting on something, by `type:event`. */
  waits: Record<string, number>;
  /** An autovacuum worker was at work on this database. */
  autovacuum: boolean;
}

export interface ActivitySummary {
  busyMean: number;
  busyMax: number;
  connections: number;
  /** Share of busy backend samples spent in each wait event, highest first. */
  waits: [string, number][];
  /** Share of the window an autovacuum worker ran on the database. */
  autovacuumShare: number;
}

export class PgActivity {
  private readonly snapshots: Snapshot[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  private constructor(
    private readonly client: pg.Client,
    private readonly database: string,
  ) {}

  static async start(database: string): Promise<PgActivity> {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    const activity = new PgActivity(client, database);
    activity.timer = setInterval(() => void activity.sample().catch(() => undefined), 500);
    return activity;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.client.end();
  }

  summary(from: number, to: number): ActivitySummary {
    const inside = this.snapshots.filter((s) => s.at >= from && s.at <= to);
    const busy = inside.map((s) => s.busy);
    const waits = new Map<string, number>();
    for (const s of inside)
      for (const [k, v] of Object.entries(s.waits)) waits.set(k, (waits.get(k) ?? 0) + v);
    const busyTotal = busy.reduce((a, b) => a + b, 0);
    return {
      busyMean: busy.length ? busyTotal / busy.length : 0,
      busyMax: busy.length ? Math.max(...busy) : 0,
      connections: Math.max(0, ...inside.map((s) => s.connections)),
      autovacuumShare: inside.length ? inside.filter((s) => s.autovacuum).length / inside.length : 0,
      waits: [...waits]
        .map(([k, v]) => [k, busyTotal ? v / busyTotal : 0] as [string, number])
        .sort((a, b) => b[1] - a[1]),
    };
  }

  private async sample(): Promise<void> {
    const { rows: all } = await this.client.query<{
      state: string | null;
      wait: string | null;
      type: string;
    }>(
      `SELECT state, wait_event_type || ':' || wait_event AS wait, backend_type AS type
       FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [this.database],
    );
    const rows = all.filter((r) => r.type === 'client backend');
    const busyRows = rows.filter((r) => r.state === 'active' || r.state?.startsWith('idle in transaction'));
    const waits: Record<string, number> = {};
    for (const r of busyRows) if (r.wait) waits[r.wait] = (waits[r.wait] ?? 0) + 1;
    const autovacuum = all.some((r) => r.type === 'autovacuum worker');
    this.snapshots.push({
      at: Date.now(),
      busy: busyRows.length,
      connections: rows.length,
      waits,
      autovacuum,
    });
  }
}
